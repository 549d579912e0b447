package io.gazette.common;

import java.util.Arrays;

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

  /** If-Match: strong comparison; {@code *} matches any current representation. */
  public static boolean matchHolds(String ifMatch, String currentTag) {
    if (ifMatch == null) {
      return true;
    }
    return Arrays.stream(ifMatch.split(","))
        .map(String::trim)
        .anyMatch(tag -> tag.equals("*") || (!tag.startsWith("W/") && tag.equals(currentTag)));
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
