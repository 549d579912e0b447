-- A bulk import sets "gazette.importing" for its own transaction (set local) and computes the
-- counters and cache invalidation itself, once, instead of row by row. Every other transaction
-- sees the setting unset and keeps the per-row behaviour of V8 and V11.
create or replace function comment_maintain_counts() returns trigger
language plpgsql as $$
declare
    was_approved boolean := tg_op <> 'INSERT' and old.status = 'approved';
    is_approved  boolean := tg_op <> 'DELETE' and new.status = 'approved';
    old_parent   bigint  := case when tg_op <> 'INSERT' then old.parent_id end;
    new_parent   bigint  := case when tg_op <> 'DELETE' then new.parent_id end;
    of_article   bigint  := case when tg_op = 'DELETE' then old.article_id else new.article_id end;
begin
    if current_setting('gazette.importing', true) = 'on' then
        return null;
    end if;
    if was_approved <> is_approved then
        update article
           set comment_count = comment_count + case when is_approved then 1 else -1 end
         where id = of_article;
    end if;
    if was_approved and old_parent is not null
       and (not is_approved or old_parent is distinct from new_parent) then
        update comment set reply_count = reply_count - 1 where id = old_parent;
    end if;
    if is_approved and new_parent is not null
       and (not was_approved or old_parent is distinct from new_parent) then
        update comment set reply_count = reply_count + 1 where id = new_parent;
    end if;
    return null;
end;
$$;

create or replace function gazette_notify_article_change() returns trigger
    language plpgsql as $$
begin
    if current_setting('gazette.importing', true) = 'on' then
        return null;
    end if;
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
