package io.gazette.transfer;

import java.time.Instant;
import java.util.List;

/**
 * An article line of the NDJSON format: what the API shows plus what an import must keep. The
 * summary is the one an editor wrote (null when it is derived from the body).
 */
record ExportedArticle(
    String type,
    long id,
    String slug,
    String title,
    String summary,
    String body,
    String source,
    String author,
    List<String> tags,
    String status,
    Instant publishedAt,
    Instant createdAt,
    Instant updatedAt,
    long version,
    boolean commentsOpen) {}
