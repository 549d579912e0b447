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
 * API tokens in PostgreSQL. Token management goes through the {@link ApiToken} entity. The lookup
 * that authenticates a request is one plain statement, since every request with a token makes it;
 * so is what the start-up does with the bootstrap admin token, since every start does it.
 */
@ApplicationScoped
public class ApiTokenRepository implements PanacheRepository<ApiToken> {

  private static final String INSERT_BOOTSTRAP =
      "insert into api_token (name, role, token_hash, bootstrap, created_at)"
          + " values ('bootstrap admin', ?, ?, true, now())"
          + " on conflict (bootstrap) where bootstrap";

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

  /** What the start-up needs to know of the bootstrap admin token. */
  public record BootstrapToken(byte[] tokenHash, Instant revokedAt) {}

  /**
   * The bootstrap admin token, if any. Start-up reads and writes it with plain statements: going
   * through the entity would make every start pay for the first ORM session and query parse.
   */
  public Optional<BootstrapToken> findBootstrap() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "select token_hash, revoked_at from api_token where bootstrap")) {
      try (ResultSet row = statement.executeQuery()) {
        return row.next()
            ? Optional.of(
                new BootstrapToken(row.getBytes("token_hash"), Jdbc.instant(row, "revoked_at")))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the bootstrap admin token failed", e);
    }
  }

  /**
   * Makes the secret with this hash the bootstrap admin token, replacing the previous one: not
   * revoked, never expiring.
   */
  public void replaceBootstrap(byte[] hash) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                INSERT_BOOTSTRAP
                    + " do update set token_hash = excluded.token_hash, revoked_at = null,"
                    + " expires_at = null")) {
      statement.setString(1, Role.ADMIN.wireName());
      statement.setBytes(2, hash);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Storing the bootstrap admin token failed", e);
    }
  }

  /**
   * Creates the bootstrap admin token with this hash unless one exists (another instance may have
   * created it meanwhile). {@code beforeCommit} runs in the same transaction after the insert: when
   * it fails, the token is not created.
   *
   * @return whether this call created the token
   */
  public boolean createBootstrap(byte[] hash, Runnable beforeCommit) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement statement =
          connection.prepareStatement(INSERT_BOOTSTRAP + " do nothing")) {
        statement.setString(1, Role.ADMIN.wireName());
        statement.setBytes(2, hash);
        boolean created = statement.executeUpdate() == 1;
        if (created) {
          beforeCommit.run();
        }
        connection.commit();
        return created;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Creating the bootstrap admin token failed", e);
    }
  }
}
