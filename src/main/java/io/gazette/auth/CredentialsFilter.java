package io.gazette.auth;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authentication is lazy (so that its failures reach the problem mappers), which would let a bad
 * token pass unnoticed on public reads. Whoever sends credentials gets them checked on every
 * endpoint: a wrong token is a 401, not a silent downgrade to anonymous.
 */
public class CredentialsFilter {

  private final CurrentIdentityAssociation identities;

  public CredentialsFilter(CurrentIdentityAssociation identities) {
    this.identities = identities;
  }

  @ServerRequestFilter
  public Uni<Void> checkSentCredentials(ContainerRequestContext request) {
    if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
      return Uni.createFrom().voidItem();
    }
    return identities.getDeferredIdentity().replaceWithVoid();
  }
}
