package io.gazette.comment;

import io.gazette.article.ArticleCache;
import io.gazette.article.ArticleRepository;
import io.gazette.article.ArticleRepository.CommentTarget;
import io.gazette.common.ApiException;
import io.gazette.common.FieldError;
import io.gazette.common.ProblemType;
import io.gazette.common.Times;
import io.gazette.config.GazetteConfig;
import io.gazette.ops.GazetteMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What readers do with comments: read an article's approved comments and post new ones. */
@ApplicationScoped
public class CommentService {

  private final CommentRepository comments;
  private final ArticleRepository articles;

  /** The same body from the same email on the same article within this window is a 409. */
  static final Duration DUPLICATE_WINDOW = Duration.ofMinutes(10);

  private final GazetteConfig config;
  private final ArticleCache cache;
  private final GazetteMetrics metrics;

  public CommentService(
      CommentRepository comments,
      ArticleRepository articles,
      GazetteConfig config,
      ArticleCache cache,
      GazetteMetrics metrics) {
    this.cache = cache;
    this.metrics = metrics;
    this.comments = comments;
    this.articles = articles;
    this.config = config;
  }

  /** A page of approved comments and the id of the article they belong to. */
  public record ArticlePage(long articleId, CommentListing<?> listing) {}

  /**
   * One page of an article's approved comments, oldest first.
   *
   * @param seesUnpublished whether the caller holds a token: sees articles that are not public, and
   *     the full representation of each comment
   * @throws ApiException 404 when the article is missing or not visible to the caller
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ArticlePage listApproved(
      String idOrSlug, CommentPageRequest page, boolean seesUnpublished) {
    Instant now = Instant.now();
    CommentTarget article =
        articles
            .findCommentTarget(idOrSlug)
            .filter(found -> seesUnpublished || found.isPublicAt(now))
            .orElseThrow(() -> ApiException.notFound("No article '" + idOrSlug + "'"));
    List<Comment> rows = comments.approvedOf(article.id(), page);
    Long total = page.page() == null ? null : comments.countApprovedOf(article.id());
    // Token holders get the full representation (email, status, updatedAt), as everywhere.
    CommentListing<?> listing =
        seesUnpublished
            ? CommentPages.listing(rows, page, total, CommentViews::forModerator)
            : CommentPages.listing(rows, page, total, CommentViews::forReader);
    return new ArticlePage(article.id(), listing);
  }

  /**
   * Posts a reader's comment: pending until a moderator approves it, unless {@code
   * gazette.comments.auto-approve} is set. The article row stays locked until commit, so the checks
   * below (visible, open, parent approved) still hold when the comment is inserted: shared for a
   * pending comment, so that posts commit side by side, exclusive for one approved at once, whose
   * counters change in this transaction.
   *
   * @throws ApiException 404 when the article is not visible, 403 when its comments are closed, 400
   *     naming {@code parentId} when the parent is missing, not approved or on another article, 409
   *     when the same email posted the same body on the article in the last ten minutes
   */
  @Transactional
  public PostedComment post(
      String idOrSlug, CommentInput input, ClientInfo client, boolean seesUnpublished) {
    Instant now = Times.now();
    boolean approved = config.comments().autoApprove();
    CommentTarget article =
        articles
            .lockForComment(idOrSlug, approved, input.authorEmail(), input.body())
            .filter(found -> seesUnpublished || found.isPublicAt(now))
            .orElseThrow(() -> ApiException.notFound("No article '" + idOrSlug + "'"));
    if (!article.commentsOpen()) {
      throw new ApiException(ProblemType.FORBIDDEN, "Comments on this article are closed");
    }
    if (input.parentId() != null) {
      checkParent(input.parentId(), article.id());
    }
    Comment comment = new Comment();
    comment.articleId = article.id();
    comment.parentId = input.parentId();
    comment.authorName = input.authorName();
    comment.authorEmail = input.authorEmail();
    comment.authorUrl = input.authorUrl();
    comment.body = input.body();
    comment.bodyHtml = CommentText.toHtml(input.body());
    comment.status = (approved ? CommentStatus.APPROVED : CommentStatus.PENDING).wire();
    comment.version = 1;
    comment.createdAt = now;
    comment.updatedAt = now;
    comment.clientAddress = client.address();
    comment.userAgent = client.userAgent();
    if (!comments.insertUnlessDuplicate(comment, now.minus(DUPLICATE_WINDOW))) {
      throw ApiException.conflict(
          "You already posted this comment on this article in the last 10 minutes");
    }
    if (approved) {
      // The article's commentCount moved: drop it here at once (other instances hear of it from
      // PostgreSQL). A pending comment changes nothing a reader sees.
      cache.evictAfterCommit(article.id());
    }
    metrics.commentPosted();
    return CommentViews.forPoster(comment);
  }

  /**
   * A reply must answer an approved comment of the same article. Missing, hidden and foreign
   * parents get the same message, so that posting never reveals whether a hidden comment exists.
   */
  private void checkParent(long parentId, long articleId) {
    Comment parent = comments.findById(parentId);
    if (parent == null || parent.articleId != articleId || !parent.isApproved()) {
      throw ApiException.invalid(
          List.of(
              new FieldError("parentId", "must be the id of an approved comment on this article")));
    }
  }
}
