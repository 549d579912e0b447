package io.gazette.common;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request's query parameters as UTF-8, strictly. Quarkus reads them leniently: a
 * percent-encoded byte sequence that is not UTF-8 becomes U+FFFD, so {@code ?tag=%FF} would quietly
 * filter by a tag nobody wrote, and a character sent unencoded (curl sends {@code ?q=genève} as the
 * bytes of UTF-8) is read one byte a character, so the search would be for {@code genÃ¨ve}. Here
 * both kinds of byte are put back together and decoded as UTF-8; a name or value that is not UTF-8
 * is a 400 naming the parameter. As in every form-encoded query string, {@code +} is a space.
 */
public final class QueryStrings {

  private static final String NOT_UTF8 = "must be valid UTF-8";

  private QueryStrings() {}

  /** The request's query parameters, each name with its values in the order given. */
  public static MultivaluedMap<String, String> parameters(UriInfo uri) {
    return parse(uri.getRequestUri().getRawQuery());
  }

  /**
   * Parses a raw query string (without {@code ?}); null means none. Empty pairs ({@code a=1&&b=2})
   * are skipped, and a name without {@code =} has the empty value.
   *
   * @throws ApiException 400 when a name or value is not UTF-8 or has a malformed percent-escape
   */
  static MultivaluedMap<String, String> parse(String raw) {
    MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return parameters;
    }
    int start = 0;
    while (start <= raw.length()) {
      int end = raw.indexOf('&', start);
      if (end < 0) {
        end = raw.length();
      }
      if (end > start) {
        int equals = raw.indexOf('=', start);
        boolean valued = equals >= 0 && equals < end;
        String rawName = raw.substring(start, valued ? equals : end);
        String name = decode(rawName);
        if (name == null) {
          throw ApiException.badParameter(lenient(rawName), NOT_UTF8);
        }
        String value = valued ? decode(raw.substring(equals + 1, end)) : "";
        if (value == null) {
          throw ApiException.badParameter(name, NOT_UTF8);
        }
        parameters.add(name, value);
      }
      start = end + 1;
    }
    return parameters;
  }

  /** The decoded text, or null when it is not UTF-8 or has a malformed percent-escape. */
  private static String decode(String raw) {
    if (isPlain(raw)) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
        if (low < 0) {
          return null;
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else {
        int codePoint = raw.codePointAt(i);
        bytes.writeBytes(bytesOf(codePoint));
        i += Character.charCount(codePoint) - 1;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * The bytes that a character of a raw request target stands for. A character a client sent
   * unencoded arrives as one character per byte (the HTTP layer reads the request line as
   * ISO-8859-1), so up to U+00FF it is that byte; anything above cannot come from the wire, and is
   * taken as the UTF-8 of the character.
   */
  static byte[] bytesOf(int codePoint) {
    return codePoint <= 0xFF
        ? new byte[] {(byte) codePoint}
        : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
  }

  /** Whether the text is ASCII without escapes: the common case, which decodes to itself. */
  private static boolean isPlain(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' || c == '+' || c > 0x7F) {
        return false;
      }
    }
    return true;
  }

  /** A name that is not UTF-8, readable enough to point at in a problem's detail. */
  private static String lenient(String raw) {
    StringBuilder shown = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      shown.append(c >= 0x20 && c < 0x7F ? c : '\uFFFD');
    }
    return shown.toString();
  }
}
