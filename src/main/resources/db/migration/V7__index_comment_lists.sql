-- Each list index ends in (created_at, id), the keyset of its list:
-- "(created_at, id) > (cursor time, cursor id) order by created_at, id limit n" (or < and desc).

-- Serves: GET /articles/{idOrSlug}/comments, the approved comments of one article oldest first
-- (article_id = ? and status = 'approved'), and the moderation queue of one article
-- (GET /comments?articleId=...&status=...). Its leading article_id also serves the cascade when an
-- article is deleted.
create index comment_article_status_idx on comment (article_id, status, created_at, id);

-- Serves: GET /comments?status=... (the moderation queue across articles), newest first, scanned
-- backwards.
create index comment_status_created_idx on comment (status, created_at, id);

-- Serves: GET /comments?status=any, every comment newest first, scanned backwards.
create index comment_created_idx on comment (created_at, id);

-- Serves: re-parenting the replies of a deleted comment (update ... where parent_id = ?) and the
-- foreign-key check that deleting a comment makes on its replies; without it both scan the table.
create index comment_parent_idx on comment (parent_id) where parent_id is not null;
