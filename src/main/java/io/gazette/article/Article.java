package io.gazette.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.TimestampUtcAsOffsetDateTimeJdbcType;

/** A news article as stored. Never serialised directly: see {@link ArticleView}. */
@Entity
@Table(name = "article")
public class Article {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String slug;

  public String title;

  /** The summary as the editor wrote it; null when none was given. */
  public String summary;

  /** The first paragraph of the body as plain text, served when {@link #summary} is null. */
  public String excerpt;

  public String body;

  @Column(name = "body_html")
  public String bodyHtml;

  public String source;

  public String author;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]")
  public List<String> tags;

  public String status;

  // Times as OffsetDateTime, not java.sql.Timestamp, which shifts old dates (see Jdbc).
  @Column(name = "published_at")
  @JdbcType(TimestampUtcAsOffsetDateTimeJdbcType.class)
  public Instant publishedAt;

  @Column(name = "created_at")
  @JdbcType(TimestampUtcAsOffsetDateTimeJdbcType.class)
  public Instant createdAt;

  @Column(name = "updated_at")
  @JdbcType(TimestampUtcAsOffsetDateTimeJdbcType.class)
  public Instant updatedAt;

  /** Editorial version, +1 on every change; managed by the service, not by Hibernate. */
  public long version;

  @Column(name = "comments_open")
  public boolean commentsOpen;

  /**
   * Approved comments; maintained by database triggers (migration V8) in the transaction that moves
   * it, so Hibernate never writes it (a stale entity cannot overwrite a newer count).
   */
  @Column(name = "comment_count", insertable = false, updatable = false)
  public int commentCount;
}
