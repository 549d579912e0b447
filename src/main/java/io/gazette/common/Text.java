package io.gazette.common;

/**
 * Rules for text fields: what PostgreSQL cannot store faithfully, and how long text is. Lengths are
 * counted in code points, as JSON Schema's {@code maxLength} counts them, so an emoji is one
 * character, not two UTF-16 units.
 */
public final class Text {

  private Text() {}

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
