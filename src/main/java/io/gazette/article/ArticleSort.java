package io.gazette.article;

import java.util.Arrays;
import java.util.Optional;

/**
 * The orders a list can take. Each sorts on an indexed key and breaks ties by id in the same
 * direction, so that keyset paging never skips or repeats an article.
 */
enum ArticleSort {
  PUBLISHED_DESC("-publishedAt", "coalesce(published_at, '-infinity'::timestamptz)", true, true),
  PUBLISHED_ASC("publishedAt", "coalesce(published_at, '-infinity'::timestamptz)", false, true),
  UPDATED_DESC("-updatedAt", "updated_at", true, true),
  UPDATED_ASC("updatedAt", "updated_at", false, true),
  TITLE_ASC("title", "lower(title)", false, false),
  TITLE_DESC("-title", "lower(title)", true, false);

  private final String parameter;
  final String keyExpression;
  final boolean descending;
  final boolean timeKey;

  ArticleSort(String parameter, String keyExpression, boolean descending, boolean timeKey) {
    this.parameter = parameter;
    this.keyExpression = keyExpression;
    this.descending = descending;
    this.timeKey = timeKey;
  }

  String parameter() {
    return parameter;
  }

  static Optional<ArticleSort> fromParameter(String value) {
    return Arrays.stream(values()).filter(sort -> sort.parameter.equals(value)).findFirst();
  }

  static String allowed() {
    return String.join(", ", Arrays.stream(values()).map(ArticleSort::parameter).toList());
  }
}
