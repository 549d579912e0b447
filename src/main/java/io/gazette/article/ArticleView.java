package io.gazette.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Set;

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

  /**
   * The tag of a sparse representation ({@code fields}): the full one's, marked with the set of
   * fields it holds, since a strong tag names one representation. The fields are written in one
   * order whatever order they were asked in, so the set decides.
   */
  public String entityTag(Set<String> fields) {
    long set = 0;
    for (int i = 0; i < FIELDS.size(); i++) {
      if (fields.contains(FIELDS.get(i))) {
        set |= 1L << i;
      }
    }
    return "\"" + id + "-" + version + "-" + commentCount + "-f" + Long.toHexString(set) + "\"";
  }

  /**
   * Whether a tag is one this version is served with: the full one, or a sparse one ({@link
   * #entityTag(Set)}) for a set of known fields, written as the server writes it.
   */
  public boolean isCurrentTag(String tag) {
    String full = entityTag();
    if (tag.equals(full)) {
      return true;
    }
    String prefix = full.substring(0, full.length() - 1) + "-f";
    if (!tag.startsWith(prefix) || !tag.endsWith("\"") || tag.length() - prefix.length() > 17) {
      return false;
    }
    String set = tag.substring(prefix.length(), tag.length() - 1);
    long fields;
    try {
      fields = Long.parseUnsignedLong(set, 16);
    } catch (NumberFormatException e) {
      return false;
    }
    return fields != 0 && (fields >>> FIELDS.size()) == 0 && Long.toHexString(fields).equals(set);
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
