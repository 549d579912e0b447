package io.gazette.auth;

import io.agroal.api.AgroalDataSource;
import io.gazette.common.Jdbc;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * API tokens in PostgreSQL. Token management goes through the {@link ApiToken} entity; the lookup
 * that authenticates a request is one plain statement, since every request with a token makes it.
 */
@ApplicationScoped
public class ApiTokenRepository implements PanacheRepository<ApiToken> {

  private final AgroalDataSource dataSource;

  public ApiTokenRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** What authenticating a request needs to know of a token. */
  public record Credential(
      long id, String name, String role, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

    public boolean usableAt(Instant now) {
      return ApiToken.usable(revokedAt, expiresAt, now);
    }
  }

  /**
   * The token whose secret has this hash, read through the unique index on the hash (no scan) in a
   * statement of its own: no entity, no transaction to coordinate.
   */
  public Optional<Credential> findCredential(byte[] hash) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "select id, name, role, expires_at, revoked_at, last_used_at"
                    + " from api_token where token_hash = ?")) {
      statement.setBytes(1, hash);
      try (ResultSet row = statement.executeQuery()) {
        return row.next()
            ? Optional.of(
                new Credential(
                    row.getLong("id"),
                    row.getString("name"),
                    row.getString("role"),
                    Jdbc.instant(row, "expires_at"),
                    Jdbc.instant(row, "revoked_at"),
                    Jdbc.instant(row, "last_used_at")))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Looking up a token failed", e);
    }
  }

  /**
   * Records that a token was used at {@code now}, unless a use at or after {@code recordedSince} is
   * already recorded (by this request's twin on another thread or instance).
   */
  public void recordUse(long id, Instant now, Instant recordedSince) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "update api_token set last_used_at = ?"
                    + " where id = ? and (last_used_at is null or last_used_at < ?)")) {
      Jdbc.setTimestamptz(statement, 1, now);
      statement.setLong(2, id);
      Jdbc.setTimestamptz(statement, 3, recordedSince);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Recording the use of token " + id + " failed", e);
    }
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
