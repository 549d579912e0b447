package io.gazette.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
