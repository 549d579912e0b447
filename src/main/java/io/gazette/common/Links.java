package io.gazette.common;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;

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
    return percentEncoded(
        next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()));
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
              } else if (c <= 0xFF) {
                appendByte(encoded, c);
              } else {
                for (byte b : Character.toString(c).getBytes(StandardCharsets.UTF_8)) {
                  appendByte(encoded, b & 0xFF);
                }
              }
            });
    return encoded.toString();
  }

  private static void appendByte(StringBuilder encoded, int b) {
    encoded.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)));
    encoded.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
  }

  public static String header(String next) {
    return "<" + next + ">; rel=\"next\"";
  }
}
