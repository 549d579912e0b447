package io.gazette.comment;

import java.time.Instant;

/** A comment as editors see it: the public fields plus what moderation needs. */
public record ModeratedComment(
    long id,
    long articleId,
    Long parentId,
    String authorName,
    String authorEmail,
    String authorUrl,
    String body,
    String bodyHtml,
    String status,
    Instant createdAt,
    Instant updatedAt,
    int replyCount,
    long version,
    String clientAddress,
    String userAgent) {

  /** Changes with every moderation change and with the approved-reply count. */
  public String entityTag() {
    return "\"" + id + "-" + version + "-" + replyCount + "\"";
  }
}
