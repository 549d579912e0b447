package io.gazette.comment;

import io.gazette.common.Links;
import io.gazette.common.Page;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Function;

/** Turns a look-ahead query result into a page, and a page into a list response. */
final class CommentPages {

  private CommentPages() {}

  /**
   * @param rows up to {@code limit + 1} rows; the extra one only says that there is a next page
   */
  static <T> CommentListing<T> listing(
      List<Comment> rows, CommentPageRequest page, Long total, Function<Comment, T> view) {
    boolean more = rows.size() > page.limit();
    List<Comment> shown = more ? rows.subList(0, page.limit()) : rows;
    String next = more ? page.cursorAfter(shown.get(shown.size() - 1)) : null;
    return new CommentListing<>(shown.stream().map(view).toList(), next, total);
  }

  /** The {@code {data, meta}} body of a page. */
  static <T> Page<T> body(CommentListing<T> listing, CommentPageRequest page) {
    return new Page<>(
        listing.items(),
        new Page.Meta(page.limit(), listing.nextCursor(), listing.total(), page.page()));
  }

  /** The relative link to the next page, or null on the last one. */
  static String nextLink(CommentListing<?> listing, CommentPageRequest page, UriInfo uri) {
    if (listing.nextCursor() == null) {
      return null;
    }
    return page.page() != null
        ? Links.withParameter(uri, "page", page.page() + 1)
        : Links.withParameter(uri, "cursor", listing.nextCursor());
  }

  /** {@code {data, meta}} with a {@code Link rel="next"} header when there is a next page. */
  static <T> Response response(
      CommentListing<T> listing, CommentPageRequest page, UriInfo uri, String cacheControl) {
    Response.ResponseBuilder response =
        Response.ok(body(listing, page)).header(HttpHeaders.CACHE_CONTROL, cacheControl);
    String next = nextLink(listing, page, uri);
    if (next != null) {
      response.header("Link", Links.header(next));
    }
    return response.build();
  }
}
