package io.gazette.audit;

import io.agroal.api.AgroalDataSource;
import io.gazette.common.Jdbc;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEntry> {

  private final AgroalDataSource dataSource;

  public AuditRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Inserts the entry in the current transaction. Every write pays for this insert, so it is one
   * plain statement rather than an ORM persist (which cost comment posts about a tenth of their
   * throughput).
   */
  public void record(AuditEntry entry) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into audit_log (at, token_id, token_name, method, path, resource_id,"
                    + " status, client_address) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
      Jdbc.setTimestamptz(insert, 1, entry.at);
      Jdbc.setLong(insert, 2, entry.tokenId);
      insert.setString(3, entry.tokenName);
      insert.setString(4, entry.method);
      insert.setString(5, entry.path);
      insert.setString(6, entry.resourceId);
      insert.setInt(7, entry.status);
      insert.setString(8, entry.clientAddress);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Recording the audit entry failed", e);
    }
  }

  /** Newest first; keyset on id (ids grow with time), so deep pages stay cheap. */
  public List<AuditEntry> newestBefore(Long beforeId, int limit) {
    return beforeId == null
        ? find("order by id desc").page(Page.ofSize(limit)).list()
        : find("id < ?1 order by id desc", beforeId).page(Page.ofSize(limit)).list();
  }

  public List<AuditEntry> newestPage(int page, int limit) {
    return find("order by id desc").page(Page.of(page - 1, limit)).list();
  }
}
