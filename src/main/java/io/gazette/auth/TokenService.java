package io.gazette.auth;

import io.gazette.common.ApiException;
import io.gazette.common.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Minting, listing and revoking API tokens. */
@ApplicationScoped
public class TokenService {

  private final ApiTokenRepository tokens;

  public TokenService(ApiTokenRepository tokens) {
    this.tokens = tokens;
  }

  /** Creates a token and returns its metadata with the secret, which is not kept. */
  @Transactional
  public TokenView create(TokenInput input) {
    String secret = TokenSecrets.generate();
    ApiToken token = new ApiToken();
    token.name = input.name();
    token.role = input.role();
    token.tokenHash = TokenSecrets.hash(secret);
    token.createdAt = Times.now();
    token.expiresAt = input.expiresAtInstant();
    tokens.persist(token);
    return TokenView.of(token).withSecret(secret);
  }

  /** Tokens that have not been revoked, newest first (expired ones included, to be seen). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<TokenView> list() {
    return tokens.list("revokedAt is null order by id desc").stream().map(TokenView::of).toList();
  }

  /**
   * Revokes a token at once: the next request carrying it is a 401, on every instance, since tokens
   * are looked up in the database on each request. The last usable admin token cannot be revoked,
   * so that the installation never locks itself out.
   */
  @Transactional
  public void revoke(long id) {
    tokens.lockAdminChanges();
    ApiToken token =
        tokens
            .findByIdOptional(id)
            .filter(found -> found.revokedAt == null)
            .orElseThrow(() -> ApiException.notFound("No token " + id));
    Instant now = Instant.now();
    if (Role.ADMIN.wireName().equals(token.role)
        && token.usableAt(now)
        && tokens.countUsableAdmins(now) <= 1) {
      throw ApiException.conflict(
          "Token " + id + " is the last usable admin token; create another admin token first");
    }
    token.revokedAt = now;
  }
}
