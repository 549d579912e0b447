-- Full-text search over title (weight A), summary (B) and body (C). Only the first 256 KiB of the
-- body is indexed: a tsvector holds at most 1 MB, and a 1 MiB body of distinct words would
-- otherwise make the insert fail.
alter table article add column search tsvector generated always as (
    setweight(to_tsvector('english', title), 'A') ||
    setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('english', left(body, 262144)), 'C')
) stored;

-- Serves: GET /articles?q=... (search @@ websearch_to_tsquery(...)).
create index article_search_idx on article using gin (search);
