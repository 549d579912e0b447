package io.gazette.common;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reading and binding PostgreSQL values in the hot paths that use JDBC directly.
 *
 * <p>Times always travel as {@link OffsetDateTime}, here and in the entities' mappings ({@code
 * TimestampUtcAsOffsetDateTimeJdbcType}), never as {@link java.sql.Timestamp}: that one converts
 * through the Julian calendar before 1582, so 1500-01-01 would be stored or read as 1499-12-23.
 */
public final class Jdbc {

  private Jdbc() {}

  /** A timestamptz column as an instant; null for SQL null and for {@code -infinity}. */
  public static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    if (value == null || value.equals(OffsetDateTime.MIN) || value.getYear() < -4000) {
      return null;
    }
    return value.toInstant();
  }

  /** Binds a timestamptz parameter that may be null. */
  public static void setTimestamptz(PreparedStatement statement, int index, Instant value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, value.atOffset(ZoneOffset.UTC));
    }
  }

  /** Binds a bigint parameter that may be null. */
  public static void setLong(PreparedStatement statement, int index, Long value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }
}
