package io.gazette.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who is asking, as far as visibility goes. This is the one place that decides what anonymous
 * readers may see: any valid token (preview and up) sees drafts, scheduled and archived content.
 */
@RequestScoped
public class Viewer {

  private final SecurityIdentity identity;

  public Viewer(SecurityIdentity identity) {
    this.identity = identity;
  }

  public boolean seesUnpublished() {
    return !identity.isAnonymous() && identity.hasRole(Role.PREVIEW_NAME);
  }

  public boolean isAnonymous() {
    return identity.isAnonymous();
  }

  /** Whether a token is sent whose role writes nothing ({@code preview}). */
  public boolean holdsReadOnlyToken() {
    return !identity.isAnonymous() && !identity.hasRole(Role.EDITOR_NAME);
  }
}
