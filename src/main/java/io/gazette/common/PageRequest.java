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
    PageRequest request = read(parameters, order, validKey);
    parameters.throwCollected();
    return request;
  }

  /**
   * As {@link #parse}, but bad values are only noted in {@code parameters} (and replaced by the
   * defaults), for a caller that reads more parameters and then throws them all at once.
   */
  public static PageRequest read(
      QueryParameters parameters, String order, Predicate<String> validKey) {
    Integer limit =
        parameters.collect(() -> parameters.integer("limit", 1, MAX_LIMIT).orElse(null));
    Integer page = parameters.collect(() -> parameters.integer("page", 1, MAX_PAGE).orElse(null));
    Cursor cursor =
        parameters.collect(
            () ->
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
                                            "is not a cursor of this list and order (take it"
                                                + " from meta.nextCursor)")))
                    .orElse(null));
    if (cursor != null && page != null) {
      parameters.collect(
          () -> {
            throw ApiException.badParameter("page", "cannot be combined with cursor");
          });
    }
    return new PageRequest(order, limit == null ? DEFAULT_LIMIT : limit, cursor, page);
  }

  /** Rows to skip before the page (numbered pages only). */
  public long offset() {
    return page == null ? 0 : (long) (page - 1) * limit;
  }
}
