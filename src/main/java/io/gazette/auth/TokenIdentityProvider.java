package io.gazette.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/** Turns a bearer secret into an identity whose roles are the token's role and those below it. */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

  public static final String TOKEN_ID = "gazette.token.id";
  public static final String TOKEN_NAME = "gazette.token.name";

  /** Last use is recorded at this granularity, so reads do not each cost a write. */
  private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

  private final ApiTokenRepository tokens;

  public TokenIdentityProvider(ApiTokenRepository tokens) {
    this.tokens = tokens;
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    String secret = request.getToken().getToken();
    return context.runBlocking(() -> identityFor(secret));
  }

  private SecurityIdentity identityFor(String secret) {
    if (!secret.startsWith(TokenSecrets.PREFIX)) {
      throw new AuthenticationFailedException("Not a Gazette token");
    }
    Instant now = Instant.now();
    ApiTokenRepository.Credential token =
        tokens
            .findCredential(TokenSecrets.hash(secret))
            .filter(found -> found.usableAt(now))
            .orElseThrow(() -> new AuthenticationFailedException("Unknown token"));
    Instant recordedSince = now.minus(LAST_USED_GRANULARITY);
    if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(recordedSince)) {
      tokens.recordUse(token.id(), now, recordedSince);
    }
    QuarkusSecurityIdentity.Builder identity =
        QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal(token.name()))
            .addAttribute(TOKEN_ID, token.id())
            .addAttribute(TOKEN_NAME, token.name());
    Role.fromWire(token.role()).grantedRoles().forEach(identity::addRole);
    return identity.build();
  }
}
