package io.gazette.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * RFC 3339 in, UTC out, at PostgreSQL's microsecond precision (further digits are truncated), from
 * {@link #MIN} to {@link #MAX}.
 */
public final class Times {

  /**
   * The first instant Gazette takes. Earlier ones have no four-digit year in UTC: {@code
   * 0000-01-01T00:00:00+01:00} would come back as {@code -0001-12-31T23:00:00Z}.
   */
  public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");

  /** The last instant Gazette takes: later ones would come back as {@code +10000-…}. */
  public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

  /** Why text that is not an RFC 3339 date-time is refused. */
  public static final String NOT_A_TIME =
      "must be an RFC 3339 date-time, such as 2016-09-09T18:11:00Z";

  /** Why an RFC 3339 date-time outside {@link #MIN} … {@link #MAX} is refused. */
  public static final String OUT_OF_RANGE =
      "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

  private Times() {}

  /**
   * Parses an RFC 3339 date-time with any offset; empty when the text is not one or its instant is
   * outside {@link #MIN} … {@link #MAX} (see {@link #refusal}).
   */
  public static Optional<Instant> parse(String text) {
    return parseUnbounded(text).filter(Times::inRange);
  }

  /**
   * Why {@link #parse} refuses a text: {@link #OUT_OF_RANGE} for a date-time outside the range,
   * otherwise {@code notATime}.
   */
  public static String refusal(String text, String notATime) {
    return parseUnbounded(text).isPresent() ? OUT_OF_RANGE : notATime;
  }

  /** Whether an instant is one Gazette stores and shows: {@link #MIN} to {@link #MAX}. */
  public static boolean inRange(Instant instant) {
    return instant.compareTo(MIN) >= 0 && instant.compareTo(MAX) <= 0;
  }

  private static Optional<Instant> parseUnbounded(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String normalised = normalise(text);
    return isCanonicalUtc(normalised) ? parseCanonicalUtc(normalised) : parseAnyOffset(normalised);
  }

  /** What both parsers read: trimmed, upper case, a space between date and time taken for 'T'. */
  static String normalise(String text) {
    return text.trim().toUpperCase(Locale.ROOT).replace(' ', 'T');
  }

  /**
   * RFC 3339 years have exactly four digits. Java's parser also takes signed years of five or more
   * ({@code +10000-01-01T00:00:00Z}), which PostgreSQL cannot read back as text and which no
   * Gazette response may show, so they are not times here.
   */
  static Optional<Instant> parseAnyOffset(String normalised) {
    if (!hasFourDigitYear(normalised)
        || !hasSecondsAndPlainOffset(normalised)
        || !hasFractionDigits(normalised)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          OffsetDateTime.parse(normalised, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
              .toInstant()
              .truncatedTo(ChronoUnit.MICROS));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * RFC 3339 times have seconds, and offsets of hours and minutes: Java's parser also takes {@code
   * 2016-09-09T18:11Z} and {@code +03:00:00}, which are not RFC 3339.
   */
  private static boolean hasSecondsAndPlainOffset(String text) {
    int length = text.length();
    if (length < 20 || text.charAt(16) != ':') {
      return false;
    }
    char sign = text.charAt(length - 6);
    return text.charAt(length - 1) == 'Z'
        || ((sign == '+' || sign == '-') && text.charAt(length - 3) == ':');
  }

  /**
   * RFC 3339 fractions have at least one digit: Java's parser also takes a bare point ({@code
   * 2016-09-09T18:11:00.Z}). Called after {@link #hasFourDigitYear} and {@link
   * #hasSecondsAndPlainOffset}, so that a fraction would start at index 19.
   */
  private static boolean hasFractionDigits(String text) {
    return text.charAt(19) != '.'
        || (text.length() > 20 && text.charAt(20) >= '0' && text.charAt(20) <= '9');
  }

  private static boolean hasFourDigitYear(String text) {
    if (text.length() < 5 || text.charAt(4) != '-') {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the text has the form every Gazette response and export uses, {@code
   * 2016-09-09T18:11:00Z} with an optional fraction of 1 to 9 digits. A bulk import parses three
   * such times a line, and the general formatter took a tenth of its CPU time.
   */
  static boolean isCanonicalUtc(String text) {
    int length = text.length();
    if (length < 20 || length == 21 || length > 30 || text.charAt(length - 1) != 'Z') {
      return false;
    }
    for (int i = 0; i < length - 1; i++) {
      char c = text.charAt(i);
      boolean ok =
          switch (i) {
            case 4, 7 -> c == '-';
            case 10 -> c == 'T';
            case 13, 16 -> c == ':';
            case 19 -> c == '.';
            default -> c >= '0' && c <= '9';
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Parses text {@link #isCanonicalUtc} accepted, as strictly as the general formatter does. */
  static Optional<Instant> parseCanonicalUtc(String text) {
    int nanos = 0;
    int fraction = text.length() - 21; // digits between '.' and 'Z'
    for (int i = 0; i < 9; i++) {
      nanos = nanos * 10 + (i < fraction ? text.charAt(20 + i) - '0' : 0);
    }
    try {
      return Optional.of(
          LocalDateTime.of(
                  digits(text, 0, 4),
                  digits(text, 5, 7),
                  digits(text, 8, 10),
                  digits(text, 11, 13),
                  digits(text, 14, 16),
                  digits(text, 17, 19),
                  nanos)
              .toInstant(ZoneOffset.UTC)
              .truncatedTo(ChronoUnit.MICROS));
    } catch (DateTimeException e) {
      return Optional.empty(); // month 13, 30 February, hour 24, second 60
    }
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
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

  /**
   * Parses an HTTP-date in any of the three forms RFC 9110 (section 5.6.7) makes recipients accept:
   * IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}), RFC 850 ({@code Sunday, 06-Nov-94 08:49:37
   * GMT}, its two-digit year read as at most 50 years ahead) and asctime ({@code Sun Nov 6 08:49:37
   * 1994}). Empty when malformed (the header is then ignored, as the RFC says).
   */
  public static Optional<Instant> parseHttpDate(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String date = text.trim();
    try {
      return Optional.of(
          OffsetDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      // one of the obsolete forms, or none
    }
    DateTimeFormatter rfc850 =
        new DateTimeFormatterBuilder()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(
                ChronoField.YEAR, 2, 2, LocalDate.now(ZoneOffset.UTC).minusYears(49))
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.US)
            .withZone(ZoneOffset.UTC);
    for (DateTimeFormatter obsolete : new DateTimeFormatter[] {rfc850, ASCTIME}) {
      try {
        return Optional.of(ZonedDateTime.parse(date, obsolete).toInstant());
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return Optional.empty();
  }

  private static final DateTimeFormatter ASCTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC);
}
