package io.gazette.comment;

import io.gazette.common.ApiException;
import io.gazette.common.Cursor;
import io.gazette.common.QueryParameters;
import io.gazette.common.Times;
import java.time.Instant;

/**
 * Which page of a comment list: {@code limit} (1–100, default 20) and either {@code cursor}
 * (keyset, from {@code meta.nextCursor}) or {@code page} (1-based, adds {@code meta.total}).
 *
 * @param order the list's order as named in its cursors; a cursor of another list is rejected
 */
record CommentPageRequest(String order, int limit, Cursor cursor, Integer page) {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  /** Oldest first, as readers see an article's comments. */
  static final String OLDEST_FIRST = "createdAt";

  /** Newest first, as the moderation queue lists them. */
  static final String NEWEST_FIRST = "-createdAt";

  static CommentPageRequest parse(QueryParameters parameters, String order) {
    int limit = parameters.integer("limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
    Integer page = parameters.integer("page", 1, 1_000_000).orElse(null);
    Cursor cursor = parameters.single("cursor").map(value -> cursor(value, order)).orElse(null);
    if (cursor != null && page != null) {
      throw ApiException.badParameter("page", "cannot be combined with cursor");
    }
    return new CommentPageRequest(order, limit, cursor, page);
  }

  private static Cursor cursor(String value, String order) {
    return Cursor.decode(value.strip())
        .filter(decoded -> decoded.sort().equals(order))
        .filter(decoded -> Times.parse(decoded.key()).isPresent())
        .orElseThrow(
            () ->
                ApiException.badParameter(
                    "cursor", "is not a cursor this list issued (take it from meta.nextCursor)"));
  }

  /** Rows to skip before the page (numbered pages only). */
  int offset() {
    return page == null ? 0 : (page - 1) * limit;
  }

  Instant cursorTime() {
    return Times.parse(cursor.key()).orElseThrow();
  }

  String cursorAfter(Comment last) {
    return new Cursor(order, last.id, last.createdAt.toString()).encode();
  }
}
