package io.gazette.audit;

import java.time.Instant;

/** An audit record as admins read it. */
public record AuditView(
    long id,
    Instant at,
    Long tokenId,
    String tokenName,
    String method,
    String path,
    String resourceId,
    int status,
    String clientAddress) {

  static AuditView of(AuditEntry entry) {
    return new AuditView(
        entry.id,
        entry.at,
        entry.tokenId,
        entry.tokenName,
        entry.method,
        entry.path,
        entry.resourceId,
        entry.status,
        entry.clientAddress);
  }
}
