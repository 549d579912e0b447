-- Every change to an article row, whatever made it (an edit, a comment count moved by a trigger,
-- a delete), notifies the channel gazette_article with the article id once the transaction
-- commits. Each Gazette instance listens and drops its cached copy, so caches stay correct with
-- several instances on one database.
create function gazette_notify_article_change() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform pg_notify('gazette_article', old.id::text);
    else
        perform pg_notify('gazette_article', new.id::text);
        if tg_op = 'UPDATE' and new.id <> old.id then
            perform pg_notify('gazette_article', old.id::text);
        end if;
    end if;
    return null;
end;
$$;

create trigger article_notify_change
    after insert or update or delete on article
    for each row execute function gazette_notify_article_change();
