package io.gazette.comment;

import io.gazette.common.Cursor;
import io.gazette.common.PageRequest;
import io.gazette.common.QueryParameters;
import io.gazette.common.Times;
import java.time.Instant;

/**
 * Which page of a comment list (see {@link PageRequest}), with what comment cursors carry: the
 * creation time of the last comment seen.
 *
 * @param order the list's order as named in its cursors; a cursor of another list is rejected
 */
record CommentPageRequest(String order, int limit, Cursor cursor, Integer page) {

  /** Oldest first, as readers see an article's comments. */
  static final String OLDEST_FIRST = "createdAt";

  /** Newest first, as the moderation queue lists them. */
  static final String NEWEST_FIRST = "-createdAt";

  static CommentPageRequest parse(QueryParameters parameters, String order) {
    PageRequest request = PageRequest.parse(parameters, order, key -> Times.parse(key).isPresent());
    return new CommentPageRequest(order, request.limit(), request.cursor(), request.page());
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
