-- PostgreSQL's default text-search parser takes time quadratic in the length of a run of words
-- joined by underscores ("a_a_a_..."): 80 KB of them kept an article's insert busy for 30 s, and
-- 256 KiB (the indexed part of a body) would take minutes, holding a connection all the while.
-- Other separators do not do this. The parser splits words at an underscore anyway, so a space in
-- its place yields the same words; only URLs, paths, file names and e-mail addresses that contain
-- one are now indexed as their parts (the search query is read the same way, see
-- ArticleRepository). Stored vectors are left as they are: they differ only for such addresses,
-- until the article's text next changes, and recomputing them all would rewrite the table.
create or replace function article_search_vector(title text, summary text, body text) returns tsvector
    language sql immutable parallel safe as $$
    select setweight(to_tsvector('english', translate(title, '_', ' ')), 'A') ||
           setweight(to_tsvector('english', translate(coalesce(summary, ''), '_', ' ')), 'B') ||
           setweight(to_tsvector('english', translate(left(body, 262144), '_', ' ')), 'C')
$$;
