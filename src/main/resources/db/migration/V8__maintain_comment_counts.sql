-- article.comment_count and comment.reply_count count approved comments only. They are kept exact
-- by the database in the same transaction as the insert, status change, re-parenting or delete
-- that moves them, whoever writes the row. Each change adds a delta under the row lock that
-- "update ... set n = n + delta" takes, so concurrent transactions never lose an update in READ
-- COMMITTED. (The application additionally takes the article row lock before any comment write,
-- so that writers of one article's comments queue instead of deadlocking.)
create function comment_maintain_counts() returns trigger
language plpgsql as $$
declare
    was_approved boolean := tg_op <> 'INSERT' and old.status = 'approved';
    is_approved  boolean := tg_op <> 'DELETE' and new.status = 'approved';
    old_parent   bigint  := case when tg_op <> 'INSERT' then old.parent_id end;
    new_parent   bigint  := case when tg_op <> 'DELETE' then new.parent_id end;
    -- article_id never changes: a comment stays on the article it was posted to.
    of_article   bigint  := case when tg_op = 'DELETE' then old.article_id else new.article_id end;
begin
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

create trigger comment_counts_on_insert
    after insert on comment
    for each row when (new.status = 'approved')
    execute function comment_maintain_counts();

create trigger comment_counts_on_update
    after update of status, parent_id on comment
    for each row when (old.status is distinct from new.status
                       or old.parent_id is distinct from new.parent_id)
    execute function comment_maintain_counts();

create trigger comment_counts_on_delete
    after delete on comment
    for each row when (old.status = 'approved')
    execute function comment_maintain_counts();
