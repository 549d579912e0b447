-- The default text-search parser also takes time quadratic in the number of unclosed "<!--"
-- (the start of a markup comment): each one makes it look for a "-->" to the end of the text.
-- 200 KB of them kept an article's insert busy for minutes. Closed comments are removed here
-- (the parser skips them anyway, so the words found are the same), and an unclosed opener loses
-- its meaning ("<! --"), after which the parser reads the rest as words, as it already did once
-- it gave up on the comment. PostgreSQL's regular expressions find the non-greedy match in linear
-- time; text without "<!--" skips them. Underscores become spaces as before (V17). Stored vectors
-- stay as they are: they hold the same words.
create or replace function article_search_text(text text) returns text
    language sql immutable parallel safe as $$
    select case
        when strpos(text, '<!--') = 0 then translate(text, '_', ' ')
        else replace(regexp_replace(translate(text, '_', ' '), '<!--.*?-->', ' ', 'g'),
                     '<!--', '<! --')
    end
$$;

create or replace function article_search_vector(title text, summary text, body text) returns tsvector
    language sql immutable parallel safe as $$
    select setweight(to_tsvector('english', article_search_text(title)), 'A') ||
           setweight(to_tsvector('english', article_search_text(coalesce(summary, ''))), 'B') ||
           setweight(to_tsvector('english', article_search_text(left(body, 262144))), 'C')
$$;
