package io.gazette.article;

import java.util.List;

/** One page of a list query, before it becomes a response. */
record ArticleListing(List<Row> rows, boolean hasMore, Long total) {

  record Row(ArticleView article, String sortKey) {}
}
