package io.gazette.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast path for canonical UTC times must agree with the general RFC 3339 parser. */
class TimesTest {

  @Test
  void canonicalUtcTimesParseAsTheGeneralParserParsesThem() {
    List<String> samples =
        List.of(
            "2016-09-09T18:11:00Z",
            "2016-09-09T18:11:00.5Z",
            "2016-09-09T18:11:00.123456Z",
            "2016-09-09T18:11:00.1234567Z",
            "2016-09-09T18:11:00.123456789Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "2024-02-29T12:00:00Z",
            "2023-02-29T12:00:00Z",
            "2016-13-01T00:00:00Z",
            "2016-00-10T00:00:00Z",
            "2016-04-31T00:00:00Z",
            "2016-09-09T24:00:00Z",
            "2016-09-09T23:60:00Z",
            "2016-09-09T23:59:60Z");
    for (String sample : samples) {
      assertTrue(Times.isCanonicalUtc(sample), sample);
      assertEquals(Times.parseAnyOffset(sample), Times.parseCanonicalUtc(sample), sample);
    }
    assertParsesAs("2016-09-09T18:11:00.123456Z", " 2016-09-09 18:11:00.1234567z ");
  }

  private static void assertParsesAs(String utc, String text) {
    assertEquals(Optional.of(Instant.parse(utc)), Times.parse(text), text);
  }

  private static void assertNotTimes(String... texts) {
    for (String text : texts) {
      assertEquals(Optional.empty(), Times.parse(text), text);
    }
  }

  @Test
  void yearsOfMoreOrFewerThanFourDigitsAreNotTimes() {
    assertNotTimes(
        "+10000-01-01T00:00:00Z",
        "10000-01-01T00:00:00Z",
        "+2016-09-09T18:11:00Z",
        "-0001-01-01T00:00:00Z",
        "+300000-01-01T00:00:00+02:00",
        "216-09-09T18:11:00Z");
    assertParsesAs("9999-12-31T21:59:59Z", "9999-12-31T23:59:59+02:00");
  }

  @Test
  void timesWithoutSecondsOrWithSecondsInTheOffsetAreNotRfc3339() {
    assertNotTimes(
        "2016-09-09T18:11Z",
        "2016-09-09T21:11+03:00",
        "2016-09-09T21:11:00+03:00:00",
        "2016-09-09T21:11:00+0300",
        "2016-09-09T21:11:00+03",
        "2016-09-09T18:11:00",
        "2016-09-09");
    assertParsesAs("2016-09-09T18:11:00Z", "2016-09-09T21:11:00+03:00");
    assertParsesAs("2016-09-09T18:11:00.5Z", "2016-09-09t15:11:00.5-03:00");
  }

  @Test
  void instantsOutsideYears1To9999InUtcAreRefusedAsOutOfRange() {
    List<String> outside =
        List.of(
            "0000-01-01T00:00:00+01:00",
            "0000-12-31T23:59:59.999999Z",
            "0001-01-01T00:00:00+00:01",
            "9999-12-31T23:59:59-01:00",
            "9999-12-31T23:30:00-00:30");
    for (String text : outside) {
      assertEquals(Optional.empty(), Times.parse(text), text);
      assertEquals(Times.OUT_OF_RANGE, Times.refusal(text, Times.NOT_A_TIME), text);
    }
    assertParsesAs("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z");
    assertParsesAs("0001-01-01T00:00:00Z", "0001-01-01T01:00:00+01:00");
    assertParsesAs("9999-12-31T23:59:59.999999Z", "9999-12-31T23:59:59.999999Z");
    assertParsesAs("9999-12-31T22:59:59Z", "9999-12-31T23:59:59+01:00");
    assertEquals(
        Times.NOT_A_TIME, Times.refusal("+10000-01-01T00:00:00Z", Times.NOT_A_TIME), "not a time");
  }

  @Test
  void fractionsBeyondMicrosecondsAreTruncated() {
    assertParsesAs("2016-09-09T18:11:00.123456Z", "2016-09-09T18:11:00.123456999Z");
    assertParsesAs("2016-09-09T18:11:00.123456Z", "2016-09-09T21:11:00.1234569+03:00");
    assertParsesAs("9999-12-31T23:59:59.999999Z", "9999-12-31T23:59:59.999999999Z");
  }

  @Test
  void aFractionPointWithoutDigitsIsNotATime() {
    assertNotTimes(
        "2016-09-09T18:11:00.Z",
        "2016-09-09T21:11:00.+03:00",
        "2016-09-09T15:11:00.-03:00",
        "2016-09-09T18:11:00.");
    assertParsesAs("2016-09-09T18:11:00.1Z", "2016-09-09T18:11:00.1Z");
  }

  @Test
  void generatedTimesParseAsTheGeneralParserParsesThem() {
    long seed = Long.getLong("gazette.times.seed", System.nanoTime());
    Random random = new Random(seed);
    String alphabet = "0123456789-:T.Z+ ";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder("2016-09-09T18:11:00.123456789Z");
      text.setLength(20 + random.nextInt(11));
      if (text.length() == 20) {
        text.setCharAt(19, 'Z');
      } else {
        text.append('Z');
      }
      // Random digits everywhere a digit goes, then now and then any character anywhere.
      for (int at = 0; at < text.length(); at++) {
        if (Character.isDigit(text.charAt(at))) {
          text.setCharAt(at, (char) ('0' + random.nextInt(10)));
        }
      }
      if (random.nextInt(4) == 0) {
        text.setCharAt(
            random.nextInt(text.length()), alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String sample = text.toString();
      // parse reads a space as 'T' (RFC 3339 allows it); the general parser is given the same text.
      assertEquals(
          Times.parseAnyOffset(Times.normalise(sample)).filter(Times::inRange),
          Times.parse(sample),
          sample + " (replay with -Dgazette.times.seed=" + seed + ")");
    }
  }
}
