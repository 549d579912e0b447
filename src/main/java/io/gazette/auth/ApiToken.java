package io.gazette.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcType;
import org.hibernate.type.descriptor.jdbc.TimestampUtcAsOffsetDateTimeJdbcType;

/** An API token. Only the SHA-256 of the secret is stored; the secret itself is shown once. */
@Entity
@Table(name = "api_token")
public class ApiToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String name;

  public String role;

  @Column(name = "token_hash")
  public byte[] tokenHash;

  /** Marks the token that {@code GAZETTE_ADMIN_TOKEN} or the first start created. */
  public boolean bootstrap;

  // Times as OffsetDateTime, not java.sql.Timestamp, which shifts old dates (see Jdbc).
  @Column(name = "created_at")
  @JdbcType(TimestampUtcAsOffsetDateTimeJdbcType.class)
  public Instant createdAt;

  @Column(name = "expires_at")
  @JdbcType(TimestampUtcAsOffsetDateTimeJdbcType.class)
  public Instant expiresAt;

  @Column(name = "last_used_at")
  @JdbcType(TimestampUtcAsOffsetDateTimeJdbcType.class)
  public Instant lastUsedAt;

  @Column(name = "revoked_at")
  @JdbcType(TimestampUtcAsOffsetDateTimeJdbcType.class)
  public Instant revokedAt;

  public boolean usableAt(Instant now) {
    return usable(revokedAt, expiresAt, now);
  }

  /** A token is usable until it is revoked or its expiry time comes. */
  static boolean usable(Instant revokedAt, Instant expiresAt, Instant now) {
    return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
  }
}
