-- Every post checks for the same body from the same email on the same article in the last ten
-- minutes. This index keeps that check a short range scan however many comments an article has.
create index comment_duplicate_idx on comment (article_id, lower(author_email), created_at);
