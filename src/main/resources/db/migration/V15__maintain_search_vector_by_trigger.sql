-- The search vector (V2) becomes an ordinary column kept by a trigger instead of a generated
-- column, with the same value, for two reasons:
--   * a bulk import computes it while it stages rows, so that PostgreSQL stems one batch of bodies
--     while the application still parses and renders the next, instead of stemming every body in
--     one single-threaded statement at the end (where it took more than half of the import);
--   * an update that changes neither title, summary nor body (comment counters, status, tags)
--     keeps the stored vector instead of stemming the whole body again.
create function article_search_vector(title text, summary text, body text) returns tsvector
    language sql immutable parallel safe as $$
    select setweight(to_tsvector('english', title), 'A') ||
           setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
           setweight(to_tsvector('english', left(body, 262144)), 'C')
$$;

alter table article alter column search drop expression;

create function article_maintain_search() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'UPDATE'
       and new.title is not distinct from old.title
       and new.summary is not distinct from old.summary
       and new.body is not distinct from old.body then
        new.search := old.search;
        return new;
    end if;
    -- A bulk import (V12) supplies the vector it computed with article_search_vector itself.
    if tg_op = 'INSERT' and new.search is not null
       and current_setting('gazette.importing', true) = 'on' then
        return new;
    end if;
    new.search := article_search_vector(new.title, new.summary, new.body);
    return new;
end;
$$;

create trigger article_maintain_search
    before insert or update on article
    for each row execute function article_maintain_search();
