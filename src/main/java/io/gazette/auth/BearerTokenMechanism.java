package io.gazette.auth;

import io.gazette.common.ClientAddresses;
import io.gazette.common.RateLimits;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code Authorization: Bearer <token>}. No header means an anonymous reader; a header that
 * is malformed or names no usable token fails authentication (401), never falls back to anonymous.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

  private static final String SCHEME = "Bearer";

  private final ClientAddresses addresses;
  private final RateLimits limits;

  public BearerTokenMechanism(ClientAddresses addresses, RateLimits limits) {
    this.addresses = addresses;
    this.limits = limits;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    String header = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
    if (header == null) {
      return Uni.createFrom().optional(Optional.empty());
    }
    String address = addresses.of(context.request());
    long blockedFor = limits.authenticationBlockedFor(address);
    if (blockedFor > 0) {
      return Uni.createFrom().failure(new TooManyAuthenticationFailures(blockedFor));
    }
    String token = bearerToken(header);
    if (token == null) {
      limits.recordAuthenticationFailure(address);
      return Uni.createFrom()
          .failure(new AuthenticationFailedException("Malformed Authorization header"));
    }
    return identityProviderManager
        .authenticate(new TokenAuthenticationRequest(new TokenCredential(token, SCHEME)))
        .onFailure(AuthenticationFailedException.class)
        .invoke(() -> limits.recordAuthenticationFailure(address));
  }

  static String bearerToken(String header) {
    String trimmed = header.trim();
    if (trimmed.length() <= SCHEME.length()
        || !trimmed.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
        || !Character.isWhitespace(trimmed.charAt(SCHEME.length()))) {
      return null;
    }
    String token = trimmed.substring(SCHEME.length()).trim();
    return token.isEmpty() || token.length() > 200 || token.contains(" ") ? null : token;
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom()
        .item(
            new ChallengeData(
                401, HttpHeaderNames.WWW_AUTHENTICATE.toString(), SCHEME + " realm=\"gazette\""));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(TokenAuthenticationRequest.class);
  }

  @Override
  public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
    return Uni.createFrom()
        .item(
            new HttpCredentialTransport(
                HttpCredentialTransport.Type.AUTHORIZATION, SCHEME.toLowerCase()));
  }
}
