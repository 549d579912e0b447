package io.gazette.comment;

import java.time.Instant;

/** A comment as anyone may read it: never the email, client address or user agent. */
public record PublicComment(
    long id,
    long articleId,
    Long parentId,
    String authorName,
    String authorUrl,
    String body,
    String bodyHtml,
    Instant createdAt,
    int replyCount) {}
