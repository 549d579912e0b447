package io.gazette.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Text is measured, trimmed and shortened in characters (code points), never UTF-16 units. */
class TextTest {

  private static final String EMOJI = "\uD83D\uDE00";

  @Test
  void lengthCountsCodePoints() {
    assertEquals(3, Text.length(EMOJI + "a" + EMOJI));
  }
}
