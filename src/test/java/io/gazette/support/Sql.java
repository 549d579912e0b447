package io.gazette.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct reads of the test database, for facts no endpoint shows (such as a true COUNT(*)). */
public final class Sql {

  private Sql() {}

  /** The single number a query returns. */
  public static long number(String sql, Object... parameters) {
    try (Connection connection =
            DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "");
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet result = statement.executeQuery()) {
        if (!result.next()) {
          throw new IllegalStateException("No row from: " + sql);
        }
        return result.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs a statement; returns the number of rows it changed. */
  public static int update(String sql, Object... parameters) {
    try (Connection connection =
            DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "");
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
