package io.gazette.article;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Editorial state of an article. */
public enum ArticleStatus {
  DRAFT,
  PUBLISHED,
  ARCHIVED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ArticleStatus> fromWire(String text) {
    return Arrays.stream(values()).filter(status -> status.wire().equals(text)).findFirst();
  }
}
