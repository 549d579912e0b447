package io.gazette.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A token's metadata. The secret appears only in the response that creates the token; it is not
 * stored, so no later response can contain it.
 */
public record TokenView(
    long id,
    String name,
    String role,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) String token) {

  static TokenView of(ApiToken token) {
    return new TokenView(
        token.id, token.name, token.role, token.createdAt, token.expiresAt, token.lastUsedAt, null);
  }

  TokenView withSecret(String secret) {
    return new TokenView(id, name, role, createdAt, expiresAt, lastUsedAt, secret);
  }
}
