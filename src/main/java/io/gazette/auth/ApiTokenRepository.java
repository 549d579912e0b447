package io.gazette.auth;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class ApiTokenRepository implements PanacheRepository<ApiToken> {

  /** Looks a token up by the hash of its secret, through the unique index: no scan. */
  public Optional<ApiToken> findByHash(byte[] hash) {
    return find("tokenHash", hash).firstResultOptional();
  }

  public Optional<ApiToken> findBootstrap() {
    return find("bootstrap", true).firstResultOptional();
  }
}
