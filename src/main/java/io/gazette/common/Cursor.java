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
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String[] parts = raw.split("\n", 3);
      if (parts.length != 3) {
        return Optional.empty();
      }
      return Optional.of(new Cursor(parts[0], Long.parseLong(parts[1]), parts[2]));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
