package io.gazette.comment;

/**
 * The one place that decides which fields of a comment each audience sees. Readers and posters
 * never see the email, the client address or the user agent; only token holders with moderation
 * rights do, through {@link #forModerator}.
 */
final class CommentViews {

  private CommentViews() {}

  /** Anonymous readers (and everyone else) reading an article's comments. */
  static PublicComment forReader(Comment comment) {
    return new PublicComment(
        comment.id,
        comment.articleId,
        comment.parentId,
        comment.authorName,
        comment.authorUrl,
        comment.body,
        comment.bodyHtml,
        comment.createdAt,
        comment.replyCount);
  }

  /** The poster, right after posting: the public fields plus the moderation status. */
  static PostedComment forPoster(Comment comment) {
    return new PostedComment(
        comment.id,
        comment.articleId,
        comment.parentId,
        comment.authorName,
        comment.authorUrl,
        comment.body,
        comment.bodyHtml,
        comment.createdAt,
        comment.replyCount,
        comment.status);
  }

  /** Editors and admins moderating. */
  static ModeratedComment forModerator(Comment comment) {
    return new ModeratedComment(
        comment.id,
        comment.articleId,
        comment.parentId,
        comment.authorName,
        comment.authorEmail,
        comment.authorUrl,
        comment.body,
        comment.bodyHtml,
        comment.status,
        comment.createdAt,
        comment.updatedAt,
        comment.replyCount,
        comment.version,
        comment.clientAddress,
        comment.userAgent);
  }
}
