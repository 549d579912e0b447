package io.gazette.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * An opaque keyset position: the sort it belongs to, the sort key of the last item seen and that
 * item's id. Encoded as base64url so clients treat it as a token, not as something to edit.
 */
public record Cursor(String sort, long id, String key) {

  public String encode() {
    String raw = sort + "\n" + id + "\n" + key;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  public static Optional<Cursor> decode(String token) {
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(token);
      if (Utf8.firstMalformed(bytes, 0, bytes.length) >= 0) {
        return Optional.empty(); // not one the server wrote: it would otherwise decode to U+FFFD
      }
      String[] parts = new String(bytes, StandardCharsets.UTF_8).split("\n", 3);
      if (parts.length != 3 || !isId(parts[1])) {
        return Optional.empty();
      }
      return Optional.of(new Cursor(parts[0], Long.parseLong(parts[1]), parts[2]));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A positive id in ASCII digits, as written by {@link #encode}: no sign, no leading zero. */
  private static boolean isId(String text) {
    if (text.isEmpty() || text.length() > 19 || text.charAt(0) == '0') {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
