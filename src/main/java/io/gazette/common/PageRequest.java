package io.gazette.common;

import java.util.function.Predicate;

/**
 * Which page of a list: {@code limit} (1–100, default 20) and either {@code cursor} (keyset, from
 * {@code meta.nextCursor}) or {@code page} (1-based, adds {@code meta.total}). Every list of the
 * API pages this way.
 *
 * @param order the list's order as named in its cursors; a cursor of another order is rejected
 */
public record PageRequest(String order, int limit, Cursor cursor, Integer page) {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;
  public static final int MAX_PAGE = 1_000_000;

  /**
   * @param validKey whether a cursor's sort key is one this order can continue from
   */
  public static PageRequest parse(
      QueryParameters parameters, String order, Predicate<String> validKey) {
    int limit = parameters.integer("limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
    Integer page = parameters.integer("page", 1, MAX_PAGE).orElse(null);
    Cursor cursor =
        parameters
            .single("cursor")
            .map(
                value ->
                    Cursor.decode(value.strip())
                        .filter(decoded -> decoded.sort().equals(order))
                        .filter(decoded -> validKey.test(decoded.key()))
                        .orElseThrow(
                            () ->
                                ApiException.badParameter(
                                    "cursor",
                                    "is not a cursor of this list and order (take it from"
                                        + " meta.nextCursor)")))
            .orElse(null);
    if (cursor != null && page != null) {
      throw ApiException.badParameter("page", "cannot be combined with cursor");
    }
    return new PageRequest(order, limit, cursor, page);
  }

  /** Rows to skip before the page (numbered pages only). */
  public long offset() {
    return page == null ? 0 : (long) (page - 1) * limit;
  }
}
