package io.gazette.comment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Moderation state of a comment. Only approved comments are public and counted; any state may move
 * to any other (a spam false positive can be approved, an approved comment trashed).
 */
public enum CommentStatus {
  PENDING,
  APPROVED,
  SPAM,
  TRASH;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<CommentStatus> fromWire(String text) {
    return Arrays.stream(values()).filter(status -> status.wire().equals(text)).findFirst();
  }
}
