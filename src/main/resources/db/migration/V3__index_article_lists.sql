-- Each index serves one list order, with id as the tie-breaker of the keyset
-- "(key, id) < (cursor key, cursor id) order by key, id limit n".

-- Serves: the public default list, visible articles newest first (and oldest first, scanned
-- backwards). Partial: anonymous readers only ever see published articles.
create index article_public_published_idx
    on article ((coalesce(published_at, '-infinity'::timestamptz)), id)
    where status = 'published';

-- Serves: token holders' lists by publication time across every status (drafts sort last).
create index article_published_idx
    on article ((coalesce(published_at, '-infinity'::timestamptz)), id);

-- Serves: sort=updatedAt / -updatedAt.
create index article_updated_idx on article (updated_at, id);

-- Serves: sort=title / -title (case-insensitive).
create index article_title_idx on article (lower(title), id);

-- Serves: tag=... (tags @> array[...]).
create index article_tags_idx on article using gin (tags);
