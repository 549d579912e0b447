package io.gazette.article;

import io.gazette.common.Cursor;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A validated list request: what to filter on, how to order, and which page. */
record ArticleListQuery(
    int limit,
    Cursor cursor,
    Integer page,
    ArticleSort sort,
    List<String> tags,
    String author,
    String source,
    Instant publishedAfter,
    Instant publishedBefore,
    String text,
    ArticleStatus status,
    Set<String> fields) {

  /** Whether list items need the (large) body columns at all. */
  boolean needsBody() {
    return fields != null && (fields.contains("body") || fields.contains("bodyHtml"));
  }
}
