package io.gazette.article;

import java.util.List;

/** One page of a list query, before it becomes a response. */
record ArticleListing(List<Row> rows, boolean hasMore, Long total) {

  /**
   * One article of the page, without its body. {@code contentBytes} is the size of its body and
   * rendered HTML when the query asked for them (0 otherwise).
   */
  record Row(ArticleView article, String sortKey, long contentBytes) {}
}
