package io.gazette.common;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/** Link headers for paged lists. */
public final class Links {

  private Links() {}

  /**
   * The request's own path and query with one parameter replaced (and {@code cursor}/{@code page}
   * exclusive), as a relative reference: independent of the Host header, so safe to cache.
   */
  public static String withParameter(UriInfo uri, String name, Object value) {
    String other = name.equals("cursor") ? "page" : "cursor";
    URI next =
        uri.getRequestUriBuilder().replaceQueryParam(other).replaceQueryParam(name, value).build();
    return next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
  }

  public static String header(String next) {
    return "<" + next + ">; rel=\"next\"";
  }
}
