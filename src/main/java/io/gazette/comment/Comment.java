package io.gazette.comment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcType;
import org.hibernate.type.descriptor.jdbc.TimestampUtcAsOffsetDateTimeJdbcType;

/**
 * A reader comment as stored. Never serialised directly: {@link CommentViews} decides what each
 * audience sees.
 *
 * <p>Only what moderation may change is updatable: status, body and their bookkeeping. {@code
 * replyCount} is maintained by database triggers (migration V8) and {@code parentId} changes only
 * through {@link CommentRepository#reparentReplies}, so that a stale entity can never write an old
 * count or parent back. Updates write only the changed columns.
 */
@Entity
@Table(name = "comment")
@DynamicUpdate
public class Comment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "article_id", updatable = false)
  public long articleId;

  @Column(name = "parent_id", updatable = false)
  public Long parentId;

  @Column(name = "author_name", updatable = false)
  public String authorName;

  @Column(name = "author_email", updatable = false)
  public String authorEmail;

  @Column(name = "author_url", updatable = false)
  public String authorUrl;

  /** Plain text as the reader wrote it (or a moderator edited it). */
  public String body;

  /** {@link #body} escaped for HTML with line breaks as {@code <br>}. */
  @Column(name = "body_html")
  public String bodyHtml;

  public String status;

  /** Approved direct replies; written only by the database. */
  @Column(name = "reply_count", insertable = false, updatable = false)
  public int replyCount;

  /** +1 on every moderation change; part of the ETag. */
  public long version;

  // Times as OffsetDateTime, not java.sql.Timestamp, which shifts old dates (see Jdbc).
  @Column(name = "created_at", updatable = false)
  @JdbcType(TimestampUtcAsOffsetDateTimeJdbcType.class)
  public Instant createdAt;

  @Column(name = "updated_at")
  @JdbcType(TimestampUtcAsOffsetDateTimeJdbcType.class)
  public Instant updatedAt;

  /** Where the comment was posted from, for moderators fighting spam. */
  @Column(name = "client_address", updatable = false)
  public String clientAddress;

  @Column(name = "user_agent", updatable = false)
  public String userAgent;

  boolean isApproved() {
    return CommentStatus.APPROVED.wire().equals(status);
  }
}
