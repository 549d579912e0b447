package io.gazette.common;

import java.util.Arrays;
import java.util.function.Predicate;

/** Entity-tag comparison for conditional requests (RFC 9110 section 13.1). */
public final class EntityTags {

  private EntityTags() {}

  /** If-None-Match: weak comparison; {@code *} matches any current representation. */
  public static boolean noneMatchHits(String ifNoneMatch, String currentTag) {
    if (ifNoneMatch == null) {
      return false;
    }
    return Arrays.stream(ifNoneMatch.split(","))
        .map(String::trim)
        .anyMatch(tag -> tag.equals("*") || opaque(tag).equals(opaque(currentTag)));
  }

  /**
   * If-None-Match against a resource with several current representations (see {@link
   * #matchHolds(String, Predicate)}): weak comparison; {@code *} matches any.
   */
  public static boolean noneMatchHits(String ifNoneMatch, Predicate<String> current) {
    if (ifNoneMatch == null) {
      return false;
    }
    return Arrays.stream(ifNoneMatch.split(","))
        .map(String::trim)
        .anyMatch(tag -> tag.equals("*") || current.test(opaque(tag)));
  }

  /** If-Match: strong comparison; {@code *} matches any current representation. */
  public static boolean matchHolds(String ifMatch, String currentTag) {
    return matchHolds(ifMatch, currentTag::equals);
  }

  /**
   * If-Match against a resource with several current representations, each with its own strong tag:
   * {@code current} tells whether a tag is one of them.
   */
  public static boolean matchHolds(String ifMatch, Predicate<String> current) {
    if (ifMatch == null) {
      return true;
    }
    return Arrays.stream(ifMatch.split(","))
        .map(String::trim)
        .anyMatch(tag -> tag.equals("*") || (!tag.startsWith("W/") && current.test(tag)));
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
