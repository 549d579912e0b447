package io.gazette.comment;

import java.time.Instant;

/**
 * What the poster gets back: the public representation plus {@code status}, so the poster knows
 * whether the comment awaits moderation. It never echoes the email.
 */
public record PostedComment(
    long id,
    long articleId,
    Long parentId,
    String authorName,
    String authorUrl,
    String body,
    String bodyHtml,
    Instant createdAt,
    int replyCount,
    String status) {}
