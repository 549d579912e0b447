package io.gazette.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gazette.support.PostgresResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The embedded server is started by the same code as in production; durability must be on. */
@QuarkusTest
class DurabilitySettingsTest {

  @Test
  void embeddedPostgresRunsWithFsyncSynchronousCommitAndFullPageWrites() throws SQLException {
    try (Connection db = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "")) {
      assertEquals("on", show(db, "fsync"));
      assertEquals("on", show(db, "synchronous_commit"));
      assertEquals("on", show(db, "full_page_writes"));
    }
  }

  private static String show(Connection db, String setting) throws SQLException {
    try (ResultSet result = db.createStatement().executeQuery("show " + setting)) {
      result.next();
      return result.getString(1);
    }
  }
}
