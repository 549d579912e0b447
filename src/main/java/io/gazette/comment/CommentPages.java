package io.gazette.comment;

import io.gazette.common.Page;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
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

  /** {@code {data, meta}} with a {@code Link rel="next"} header when there is a next page. */
  static <T> Response response(
      CommentListing<T> listing, CommentPageRequest page, UriInfo uri, String cacheControl) {
    Page<T> body =
        new Page<>(
            listing.items(),
            new Page.Meta(page.limit(), listing.nextCursor(), listing.total(), page.page()));
    Response.ResponseBuilder response =
        Response.ok(body).header(HttpHeaders.CACHE_CONTROL, cacheControl);
    if (listing.nextCursor() != null) {
      URI next =
          page.page() != null
              ? uri.getRequestUriBuilder().replaceQueryParam("page", page.page() + 1).build()
              : uri.getRequestUriBuilder()
                  .replaceQueryParam("cursor", listing.nextCursor())
                  .build();
      response.header("Link", "<" + next + ">; rel=\"next\"");
    }
    return response.build();
  }
}
