package io.gazette.transfer;

import java.time.Instant;

/** A comment line of the NDJSON format, with what only moderators see (status, email, version). */
record ExportedComment(
    String type,
    long id,
    long articleId,
    Long parentId,
    String authorName,
    String authorEmail,
    String authorUrl,
    String body,
    String status,
    Instant createdAt,
    Instant updatedAt,
    long version) {}
