package io.gazette.common;

/**
 * Rules for text fields: what PostgreSQL cannot store faithfully, what counts as blank, what a
 * single-line field may hold, and how to shorten text. Lengths are counted in code points, as JSON
 * Schema's {@code maxLength} counts them, so an emoji is one character, not two UTF-16 units.
 */
public final class Text {

  private Text() {}

  /**
   * Whether a code point shows nothing on its own: whitespace, a space separator such as U+00A0
   * NO-BREAK SPACE, or a format character such as U+200B ZERO WIDTH SPACE or U+FEFF. {@link
   * String#strip()} knows only the first, so a title of no-break spaces would pass as text.
   */
  public static boolean isInvisible(int codePoint) {
    return Character.isWhitespace(codePoint)
        || Character.isSpaceChar(codePoint)
        || Character.getType(codePoint) == Character.FORMAT;
  }

  /** {@code text} without leading and trailing {@linkplain #isInvisible invisible} code points. */
  public static String strip(String text) {
    if (text == null) {
      return null;
    }
    int start = 0;
    int end = text.length();
    while (start < end && isInvisible(text.codePointAt(start))) {
      start += Character.charCount(text.codePointAt(start));
    }
    int fullEnd = end;
    while (end > start && isInvisible(text.codePointBefore(end))) {
      end -= Character.charCount(text.codePointBefore(end));
    }
    return text.substring(start, closingDirectionalMarks(text, start, end, fullEnd));
  }

  /**
   * Where the stripped text must end so that it still closes the directional embeddings and
   * isolates it opens: "Bob U+202E ... U+202C" stripped of its final U+202C would reverse whatever
   * a page shows after it. The marks are invisible, so stripping takes them first.
   */
  private static int closingDirectionalMarks(String text, int start, int end, int fullEnd) {
    boolean closes = false;
    for (int i = end; i < fullEnd; i++) {
      char c = text.charAt(i);
      closes |= c == POP_DIRECTIONAL_FORMATTING || c == POP_DIRECTIONAL_ISOLATE;
    }
    if (!closes) {
      return end;
    }
    int embeddings = 0;
    int isolates = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '\u202A' && c <= '\u202E' && c != POP_DIRECTIONAL_FORMATTING) {
        embeddings++;
      } else if (c == POP_DIRECTIONAL_FORMATTING) {
        embeddings = Math.max(0, embeddings - 1);
      } else if (c >= '\u2066' && c <= '\u2068') {
        isolates++;
      } else if (c == POP_DIRECTIONAL_ISOLATE) {
        isolates = Math.max(0, isolates - 1);
      }
    }
    int kept = end;
    for (int i = end; i < fullEnd && (embeddings > 0 || isolates > 0); i++) {
      char c = text.charAt(i);
      if (c == POP_DIRECTIONAL_FORMATTING && embeddings > 0) {
        embeddings--;
        kept = i + 1;
      } else if (c == POP_DIRECTIONAL_ISOLATE && isolates > 0) {
        isolates--;
        kept = i + 1;
      }
    }
    return kept;
  }

  private static final char POP_DIRECTIONAL_FORMATTING = '\u202C';
  private static final char POP_DIRECTIONAL_ISOLATE = '\u2069';

  /** {@code text} {@linkplain #strip stripped}, or null when nothing visible is left. */
  public static String blankToNull(String text) {
    String stripped = strip(text);
    return stripped == null || stripped.isEmpty() ? null : stripped;
  }

  /** The number of characters (code points) in {@code text}. */
  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /**
   * The first {@code max} characters (code points) of {@code text}: never half of a surrogate pair.
   */
  public static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = text.offsetByCodePoints(0, Math.min(max, length(text)));
    return text.substring(0, end);
  }

  /**
   * Null when {@code text} can be stored and fits on one line, else what is wrong with it. A
   * single-line field (a title, a name, a tag) holds no control characters (Unicode category Cc:
   * line breaks, tabs, bells...); bodies and summaries may.
   */
  public static String unfitForOneLine(String text) {
    String problem = unstorable(text);
    if (problem != null || text == null) {
      return problem;
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.getType(text.charAt(i)) == Character.CONTROL) {
        return "must be a single line without control characters (such as line breaks or tabs)";
      }
    }
    return null;
  }

  /** Null when the text can be stored as given, else what is wrong with it. */
  public static String unstorable(String text) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return "must not contain NUL characters";
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return "must be valid Unicode (unpaired surrogate)";
      }
      if (Character.isLowSurrogate(c)) {
        return "must be valid Unicode (unpaired surrogate)";
      }
    }
    return null;
  }

  /**
   * {@code text} with what PostgreSQL cannot store (NUL, unpaired surrogates) replaced by U+FFFD,
   * for records that must be kept whatever a client sent, such as the audit log.
   */
  public static String storable(String text) {
    if (unstorable(text) == null) {
      return text;
    }
    StringBuilder kept = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        kept.append(c).append(text.charAt(++i));
      } else if (c == '\u0000' || Character.isSurrogate(c)) {
        kept.append('\uFFFD');
      } else {
        kept.append(c);
      }
    }
    return kept.toString();
  }
}
