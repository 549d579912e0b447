package io.gazette.common;

/**
 * Checks that bytes are well-formed UTF-8 as Unicode defines it (table 3-7): no overlong forms, no
 * surrogates, nothing past U+10FFFF. Jackson decodes overlong forms such as {@code C0 BC} to the
 * character they spell ({@code <}), so request bodies are checked here before they are parsed.
 */
public final class Utf8 {

  private Utf8() {}

  /**
   * The offset of the first byte that is not part of a well-formed sequence, or -1. A zero byte
   * counts as malformed too: JSON allows U+0000 only escaped, and zero bytes are how UTF-16 and
   * UTF-32 text (which Jackson would detect and accept) look.
   */
  public static int firstMalformed(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to) {
      int b = bytes[i];
      if (b > 0) {
        i++;
        continue;
      }
      int lead = b & 0xFF;
      int length;
      int min = 0x80;
      int max = 0xBF;
      if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
      } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) {
          min = 0xA0; // below: overlong
        } else if (lead == 0xED) {
          max = 0x9F; // above: surrogates
        }
      } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) {
          min = 0x90; // below: overlong
        } else if (lead == 0xF4) {
          max = 0x8F; // above: past U+10FFFF
        }
      } else {
        return i; // zero, a continuation byte, C0, C1 or F5-FF
      }
      if (i + length > to) {
        return i;
      }
      int second = bytes[i + 1] & 0xFF;
      if (second < min || second > max) {
        return i;
      }
      for (int k = 2; k < length; k++) {
        if ((bytes[i + k] & 0xC0) != 0x80) {
          return i;
        }
      }
      i += length;
    }
    return -1;
  }
}
