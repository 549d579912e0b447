package io.gazette.comment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gazette.article.ArticleCache;
import io.gazette.article.ArticleRepository;
import io.gazette.common.ApiException;
import io.gazette.common.FieldError;
import io.gazette.common.JsonBodies;
import io.gazette.common.JsonMergePatch;
import io.gazette.common.Preconditions;
import io.gazette.common.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What editors do with comments: read the queue, approve, reject, edit and delete.
 *
 * <p>Every write locks the comment's article row first, then the comment. Writers of one article's
 * comments therefore queue in one order instead of deadlocking on the rows the counter triggers
 * update (the article, the parent), and an article being deleted waits for them, or they for it.
 */
@ApplicationScoped
public class ModerationService {

  private final CommentRepository comments;
  private final ArticleRepository articles;
  private final JsonBodies json;
  private final JsonMergePatch mergePatch;
  private final ArticleCache cache;

  public ModerationService(
      CommentRepository comments,
      ArticleRepository articles,
      JsonBodies json,
      JsonMergePatch mergePatch,
      ArticleCache cache) {
    this.cache = cache;
    this.comments = comments;
    this.articles = articles;
    this.json = json;
    this.mergePatch = mergePatch;
  }

  /** One page of the moderation queue across articles, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public CommentListing<ModeratedComment> queue(ModerationQuery query) {
    List<Comment> rows = comments.queue(query);
    Long total = query.page().page() == null ? null : comments.countQueue(query);
    return CommentPages.listing(rows, query.page(), total, CommentViews::forModerator);
  }

  /** One comment in any status. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ModeratedComment> find(long id) {
    return comments.findByIdOptional(id).map(CommentViews::forModerator);
  }

  /**
   * Applies an RFC 7396 merge patch over the moderator representation. Only {@code status} (any
   * status to any other) and {@code body} change; server-assigned fields are ignored, and changing
   * what the poster wrote (name, email, URL, parent) is a 400. A status change moves the article's
   * {@code commentCount} and the parent's {@code replyCount} in this transaction.
   *
   * @throws ApiException 404 when missing, 412 when a precondition fails
   */
  @Transactional
  public ModeratedComment patch(long id, JsonNode patch, Preconditions conditions) {
    Comment comment = lockForWrite(id, conditions);
    JsonNode current = json.toTree(CommentViews.forModerator(comment));
    JsonNode merged = mergePatch.apply(current, patch);
    CommentEdit edit = bindEdit(current, merged);
    if (!edit.status().equals(comment.status) || !edit.body().equals(comment.body)) {
      comment.status = edit.status();
      if (!edit.body().equals(comment.body)) {
        comment.body = edit.body();
        comment.bodyHtml = CommentText.toHtml(edit.body());
      }
      comment.version++;
      comment.updatedAt = Times.now();
      comments.flush();
    }
    return CommentViews.forModerator(comment);
  }

  /**
   * Deletes a comment. Its direct replies are re-parented to its own parent (top level when it had
   * none) in the same transaction, so no reply is lost and every counter stays exact.
   *
   * @throws ApiException 404 when missing, 412 when a precondition fails
   */
  @Transactional
  public void delete(long id, Preconditions conditions) {
    Comment comment = lockForWrite(id, conditions);
    comments.reparentReplies(comment.id, comment.parentId);
    comments.delete(comment);
    comments.flush();
  }

  private Comment lockForWrite(long id, Preconditions conditions) {
    ApiException missing = ApiException.notFound("No comment " + id);
    long articleId = comments.articleIdOf(id).orElseThrow(() -> missing);
    articles.findByIdOptional(articleId, LockModeType.PESSIMISTIC_WRITE);
    // Deleted while we waited for the article lock: then it is gone, not an error of ours.
    Comment comment = comments.lock(id).orElseThrow(() -> missing);
    cache.evictAfterCommit(articleId);
    String current = CommentViews.forModerator(comment).entityTag();
    conditions.check("comment", current::equals, comment.updatedAt, current);
    return comment;
  }

  /** Binds the merged document, reporting every bad field at once. */
  private CommentEdit bindEdit(JsonNode current, JsonNode merged) {
    List<FieldError> errors = new ArrayList<>();
    ObjectNode writable = (ObjectNode) merged.deepCopy();
    for (String field : CommentEdit.POSTERS_FIELDS) {
      if (!Objects.equals(valueOf(current, field), valueOf(merged, field))) {
        errors.add(
            new FieldError(field, "cannot be changed by moderation (only status and body can)"));
      }
      writable.remove(field);
    }
    CommentEdit edit;
    try {
      edit = json.bind(writable, CommentEdit.class);
    } catch (ApiException e) {
      if (errors.isEmpty() || e.problem().errors() == null) {
        throw e;
      }
      errors.addAll(e.problem().errors());
      throw ApiException.invalid(errors);
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    return edit;
  }

  /**
   * A field's value as JSON text, with absent and null alike (a merge patch removes nulls) and
   * numbers compared by value, not by the Java type they were parsed into.
   */
  private static String valueOf(JsonNode document, String field) {
    JsonNode value = document.get(field);
    return value == null || value.isNull() ? null : value.toString();
  }
}
