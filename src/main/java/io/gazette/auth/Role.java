package io.gazette.auth;

import java.util.Locale;
import java.util.Set;

/**
 * Token roles, each including the rights of the ones before it. The security identity carries the
 * expanded set, so {@code @RolesAllowed(Role.EDITOR)} admits editors and admins alike.
 */
public enum Role {
  PREVIEW,
  EDITOR,
  ADMIN;

  public static final String PREVIEW_NAME = "preview";
  public static final String EDITOR_NAME = "editor";
  public static final String ADMIN_NAME = "admin";

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** This role and every role it includes. */
  public Set<String> grantedRoles() {
    return switch (this) {
      case PREVIEW -> Set.of(PREVIEW_NAME);
      case EDITOR -> Set.of(PREVIEW_NAME, EDITOR_NAME);
      case ADMIN -> Set.of(PREVIEW_NAME, EDITOR_NAME, ADMIN_NAME);
    };
  }

  public static Role fromWire(String name) {
    return Role.valueOf(name.toUpperCase(Locale.ROOT));
  }
}
