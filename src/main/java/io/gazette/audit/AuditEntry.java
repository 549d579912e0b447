package io.gazette.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcType;
import org.hibernate.type.descriptor.jdbc.TimestampUtcAsOffsetDateTimeJdbcType;

/** One write: who (token), what (method, path, resource), when, and how it ended. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  // Times as OffsetDateTime, not java.sql.Timestamp, which shifts old dates (see Jdbc).
  @JdbcType(TimestampUtcAsOffsetDateTimeJdbcType.class)
  public Instant at;

  @Column(name = "token_id")
  public Long tokenId;

  @Column(name = "token_name")
  public String tokenName;

  public String method;

  public String path;

  @Column(name = "resource_id")
  public String resourceId;

  public int status;

  @Column(name = "client_address")
  public String clientAddress;
}
