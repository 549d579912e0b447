package io.gazette.common;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.regex.Pattern;

/** Link headers for paged lists. */
public final class Links {

  private static final String HEX = "0123456789ABCDEF";

  /** Separators with no pair between them, or at either end. */
  private static final Pattern EMPTY_PAIRS = Pattern.compile("^&+|&+$|(?<=&)&+");

  private Links() {}

  /**
   * The request's own path and query with one parameter replaced (and {@code cursor}/{@code page}
   * exclusive), as a relative reference: independent of the Host header, so safe to cache.
   */
  public static String withParameter(UriInfo uri, String name, Object value) {
    String other = name.equals("cursor") ? "page" : "cursor";
    URI next =
        uri.getRequestUriBuilder().replaceQueryParam(other).replaceQueryParam(name, value).build();
    // The builder leaves an empty first pair ("?&cursor=...") when the request had no query.
    String query =
        next.getRawQuery() == null ? "" : EMPTY_PAIRS.matcher(next.getRawQuery()).replaceAll("");
    return percentEncoded(next.getRawPath() + (query.isEmpty() ? "" : "?" + query));
  }

  /**
   * The reference with what a client sent unencoded (curl sends {@code ?tag=zürich} as the bytes of
   * UTF-8, which arrive one character a byte) percent-encoded, so that the header stays ASCII.
   */
  private static String percentEncoded(String reference) {
    if (reference.chars().allMatch(c -> c < 0x80)) {
      return reference;
    }
    StringBuilder encoded = new StringBuilder(reference.length() + 16);
    reference
        .codePoints()
        .forEach(
            c -> {
              if (c < 0x80) {
                encoded.append((char) c);
                return;
              }
              for (byte b : QueryStrings.bytesOf(c)) {
                encoded.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
              }
            });
    return encoded.toString();
  }

  public static String header(String next) {
    return "<" + next + ">; rel=\"next\"";
  }
}
