package io.gazette.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * An article as clients see it. List items leave {@code body} and {@code bodyHtml} null, and then
 * they are left out of the JSON.
 */
@JsonPropertyOrder({
  "id",
  "slug",
  "title",
  "summary",
  "body",
  "bodyHtml",
  "source",
  "author",
  "tags",
  "status",
  "publishedAt",
  "createdAt",
  "updatedAt",
  "version",
  "commentsOpen",
  "commentCount"
})
public record ArticleView(
    long id,
    String slug,
    String title,
    String summary,
    @JsonInclude(JsonInclude.Include.NON_NULL) String body,
    @JsonInclude(JsonInclude.Include.NON_NULL) String bodyHtml,
    String source,
    String author,
    List<String> tags,
    String status,
    Instant publishedAt,
    Instant createdAt,
    Instant updatedAt,
    long version,
    boolean commentsOpen,
    int commentCount) {

  /** Every field name a client may ask for in {@code fields}. */
  public static final List<String> FIELDS =
      List.of(
          "id",
          "slug",
          "title",
          "summary",
          "body",
          "bodyHtml",
          "source",
          "author",
          "tags",
          "status",
          "publishedAt",
          "createdAt",
          "updatedAt",
          "version",
          "commentsOpen",
          "commentCount");

  /** Changes with every edit and with the approved-comment count, both part of the body. */
  public String entityTag() {
    return "\"" + id + "-" + version + "-" + commentCount + "\"";
  }

  /** Visible to anonymous readers: published, and not scheduled for later. */
  public boolean isPublicAt(Instant now) {
    return isPublic(status, publishedAt, now);
  }

  static boolean isPublic(String status, Instant publishedAt, Instant now) {
    return ArticleStatus.PUBLISHED.wire().equals(status)
        && publishedAt != null
        && !publishedAt.isAfter(now);
  }

  static ArticleView of(Article article) {
    return new ArticleView(
        article.id,
        article.slug,
        article.title,
        article.summary != null ? article.summary : article.excerpt,
        article.body,
        article.bodyHtml,
        article.source,
        article.author,
        article.tags,
        article.status,
        article.publishedAt,
        article.createdAt,
        article.updatedAt,
        article.version,
        article.commentsOpen,
        article.commentCount);
  }
}
