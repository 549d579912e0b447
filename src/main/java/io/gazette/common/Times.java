package io.gazette.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** RFC 3339 in, UTC out, at PostgreSQL's microsecond precision. */
public final class Times {

  private Times() {}

  /** Parses an RFC 3339 date-time with any offset; empty when the text is not one. */
  public static Optional<Instant> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      String normalised = text.trim().toUpperCase(Locale.ROOT).replace(' ', 'T');
      return Optional.of(
          OffsetDateTime.parse(normalised, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
              .toInstant()
              .truncatedTo(ChronoUnit.MICROS));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The current time at the precision the database stores. */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  /** HTTP-date (RFC 9110) for Last-Modified. */
  public static String httpDate(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(
        instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
  }

  /** Parses an HTTP-date; empty when malformed (the header is then ignored, as RFC 9110 says). */
  public static Optional<Instant> parseHttpDate(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          OffsetDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
