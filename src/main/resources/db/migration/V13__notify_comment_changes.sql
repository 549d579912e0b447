-- What anonymous readers see of comments (approved ones, their bodies and reply counts) is cached
-- per instance. Any change that touches an approved comment, before or after, notifies the
-- article's id on gazette_article, like an article change, so that every instance drops the
-- article's cached comment pages. Pending posts, the bulk of comment traffic, notify nothing.
create function gazette_notify_comment_change() returns trigger
    language plpgsql as $$
begin
    if current_setting('gazette.importing', true) = 'on' then
        return null;
    end if;
    if tg_op = 'DELETE' then
        perform pg_notify('gazette_article', old.article_id::text);
    else
        perform pg_notify('gazette_article', new.article_id::text);
    end if;
    return null;
end;
$$;

create trigger comment_notify_insert
    after insert on comment
    for each row when (new.status = 'approved')
    execute function gazette_notify_comment_change();

create trigger comment_notify_update
    after update on comment
    for each row when (old.status = 'approved' or new.status = 'approved')
    execute function gazette_notify_comment_change();

create trigger comment_notify_delete
    after delete on comment
    for each row when (old.status = 'approved')
    execute function gazette_notify_comment_change();
