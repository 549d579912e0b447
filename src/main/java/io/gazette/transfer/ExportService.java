package io.gazette.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.agroal.api.AgroalDataSource;
import io.gazette.common.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The whole content as NDJSON, in the import format, streamed from one consistent snapshot with a
 * server-side cursor (memory stays flat). Articles come first, by id; then comments, parents before
 * their replies (by depth, then id), so the output imports as it is. The same content always gives
 * the same bytes.
 */
@ApplicationScoped
public class ExportService {

  private static final int FETCH = 500;
  private static final byte NEWLINE = '\n';

  private final AgroalDataSource dataSource;
  private final ObjectWriter writer;

  public ExportService(AgroalDataSource dataSource, ObjectMapper mapper) {
    this.dataSource = dataSource;
    this.writer = mapper.writer();
  }

  public void write(OutputStream out) throws IOException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
      try {
        articles(connection, out);
        comments(connection, out);
      } finally {
        connection.rollback();
        connection.setReadOnly(false);
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IOException("The export failed in the database", e);
    }
    out.flush();
  }

  private void articles(Connection connection, OutputStream out) throws SQLException, IOException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select id, slug, title, summary, body, source, author, tags, status, published_at,"
                + " created_at, updated_at, version, comments_open from article order by id")) {
      query.setFetchSize(FETCH);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          line(
              out,
              new ExportedArticle(
                  "article",
                  row.getLong("id"),
                  row.getString("slug"),
                  row.getString("title"),
                  row.getString("summary"),
                  row.getString("body"),
                  row.getString("source"),
                  row.getString("author"),
                  Arrays.asList((String[]) row.getArray("tags").getArray()),
                  row.getString("status"),
                  Jdbc.instant(row, "published_at"),
                  Jdbc.instant(row, "created_at"),
                  Jdbc.instant(row, "updated_at"),
                  row.getLong("version"),
                  row.getBoolean("comments_open")));
        }
      }
    }
  }

  private void comments(Connection connection, OutputStream out) throws SQLException, IOException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "with recursive tree (id, depth) as ("
                + " select id, 0 from comment where parent_id is null"
                + " union all select c.id, t.depth + 1 from comment c join tree t"
                + " on c.parent_id = t.id)"
                + " select c.id, c.article_id, c.parent_id, c.author_name, c.author_email,"
                + " c.author_url, c.body, c.status, c.created_at, c.updated_at, c.version"
                + " from comment c join tree t on t.id = c.id order by t.depth, c.id")) {
      query.setFetchSize(FETCH);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          long parentValue = row.getLong("parent_id");
          Long parent = row.wasNull() ? null : parentValue;
          line(
              out,
              new ExportedComment(
                  "comment",
                  row.getLong("id"),
                  row.getLong("article_id"),
                  parent,
                  row.getString("author_name"),
                  row.getString("author_email"),
                  row.getString("author_url"),
                  row.getString("body"),
                  row.getString("status"),
                  Jdbc.instant(row, "created_at"),
                  Jdbc.instant(row, "updated_at"),
                  row.getLong("version")));
        }
      }
    }
  }

  private void line(OutputStream out, Object record) throws IOException {
    out.write(writer.writeValueAsBytes(record));
    out.write(NEWLINE);
  }
}
