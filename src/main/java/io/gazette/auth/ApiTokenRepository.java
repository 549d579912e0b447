package io.gazette.auth;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class ApiTokenRepository implements PanacheRepository<ApiToken> {

  /** Looks a token up by the hash of its secret, through the unique index: no scan. */
  public Optional<ApiToken> findByHash(byte[] hash) {
    return find("tokenHash", hash).firstResultOptional();
  }

  /** Serialises admin-token revocations, so two at once cannot remove the last two admins. */
  public void lockAdminChanges() {
    getEntityManager()
        .createNativeQuery("select pg_advisory_xact_lock(hashtext('gazette.admin-tokens'))")
        .getSingleResult();
  }

  public long countUsableAdmins(Instant now) {
    return count(
        "role = ?1 and revokedAt is null and (expiresAt is null or expiresAt > ?2)",
        Role.ADMIN.wireName(),
        now);
  }

  public Optional<ApiToken> findBootstrap() {
    return find("bootstrap", true).firstResultOptional();
  }
}
