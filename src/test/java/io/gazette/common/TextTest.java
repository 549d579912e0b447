package io.gazette.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Text is measured, trimmed and shortened in characters (code points), never UTF-16 units. */
class TextTest {

  private static final String EMOJI = "\uD83D\uDE00";

  @Test
  void truncationNeverSplitsASurrogatePair() {
    assertEquals(EMOJI.repeat(3), Text.truncate(EMOJI.repeat(5), 3));
    assertEquals("a" + EMOJI + "b", Text.truncate("a" + EMOJI + "bc", 3));
    assertEquals(EMOJI, Text.truncate(EMOJI, 1));
    assertEquals("short", Text.truncate("short", 500));
    assertEquals(EMOJI.repeat(2), Text.truncate(EMOJI.repeat(2), 3));
  }

  @Test
  void lengthCountsCodePoints() {
    assertEquals(3, Text.length(EMOJI + "a" + EMOJI));
  }

  @Test
  void stripRemovesWhitespaceSpaceSeparatorsAndFormatCharactersAtTheEndsOnly() {
    assertEquals(
        "a\u00a0\u200bb", Text.strip(" \u00a0\u3000\u200b\ufeff\u2060a\u00a0\u200bb\t\n\u00a0"));
    assertEquals(EMOJI, Text.strip("\u200b" + EMOJI + "\u200b"));
    assertEquals("", Text.strip("\u00a0\u200b"));
    assertNull(Text.blankToNull("\u00a0\u200b"));
    assertNull(Text.strip(null));
  }

  @Test
  void oneLineTextHoldsNoControlCharacters() {
    assertNull(Text.unfitForOneLine("Kerry lands in Geneva " + EMOJI));
    for (String text : new String[] {"a\u0007b", "a\nb", "a\tb", "a\u007fb", "a\u0085b"}) {
      assertEquals(
          "must be a single line without control characters (such as line breaks or tabs)",
          Text.unfitForOneLine(text));
    }
    assertEquals("must not contain NUL characters", Text.unfitForOneLine("a\u0000b"));
  }
}
