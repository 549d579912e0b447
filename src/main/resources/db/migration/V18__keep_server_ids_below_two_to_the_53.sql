-- Article and comment ids stay at most 2^53 - 1, the largest integer a JavaScript client reads
-- exactly, and the largest an import accepts. Before, an import of that id moved the sequence there
-- and the next create was handed 2^53, which no later import of the export would take. Now such a
-- create finds the sequence exhausted and is refused (409); no id past the limit is ever given.
-- A sequence that has already passed the limit (only that bug could do it) is left as it is.
do $$
declare
    name text;
    last bigint;
begin
    foreach name in array array['article', 'comment'] loop
        execute format('select last_value from %s', pg_get_serial_sequence(name, 'id')) into last;
        if last <= 9007199254740991 then
            execute format('alter table %I alter column id set maxvalue 9007199254740991', name);
        end if;
    end loop;
end
$$;
