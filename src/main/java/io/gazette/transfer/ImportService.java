package io.gazette.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.gazette.article.ArticleInput;
import io.gazette.article.BodyRenderer;
import io.gazette.comment.CommentInput;
import io.gazette.comment.CommentText;
import io.gazette.common.ApiException;
import io.gazette.common.FieldError;
import io.gazette.common.Jdbc;
import io.gazette.common.JsonBodies;
import io.gazette.common.ProblemType;
import io.gazette.common.Times;
import io.gazette.common.Utf8;
import io.gazette.config.GazetteConfig;
import io.gazette.database.ChangeListener;
import io.gazette.database.IdSequences;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Bulk import of NDJSON in one transaction (the caller's). Lines are validated as the API would
 * validate them and streamed in batches into temporary staging tables, so memory stays flat
 * whatever the size; references (articles before their comments, parents before replies, unique ids
 * and slugs) are then checked with set-based SQL that names the first offending line, and the rows
 * move into place in a few statements. Counters are computed, never taken from the input.
 */
@ApplicationScoped
public class ImportService {

  private static final Logger LOG = Logger.getLogger(ImportService.class);

  private static final int BATCH = 1000;

  /**
   * A batch is also sent once its lines add up to this many bytes. Staged rows hold their text
   * (body, rendered HTML) at two or three times the size of their lines, and up to four batches are
   * in memory at once (one filling, two waiting, one being written): a thousand lines of articles
   * with megabyte bodies would take gigabytes of heap.
   */
  private static final long BATCH_BYTES = 4L * 1024 * 1024;

  private static final int IMPORT_SOCKET_TIMEOUT_MS = 30 * 60 * 1000;
  private static final long MAX_IMPORTED_ID = (1L << 53) - 1;

  private static final Set<String> COMMENT_STATUSES =
      Set.of("pending", "approved", "spam", "trash");

  private final AgroalDataSource dataSource;
  private final JsonBodies json;
  private final ObjectMapper mapper;
  private final BodyRenderer renderer;
  private final GazetteConfig config;

  public ImportService(
      AgroalDataSource dataSource,
      JsonBodies json,
      ObjectMapper mapper,
      BodyRenderer renderer,
      GazetteConfig config) {
    this.dataSource = dataSource;
    this.json = json;
    this.mapper = mapper;
    this.renderer = renderer;
    this.config = config;
  }

  /** Imports the stream; must run inside a transaction, which any bad line rolls back. */
  public ImportResult run(InputStream body) {
    try (Connection connection = dataSource.getConnection()) {
      int socketTimeout = connection.getNetworkTimeout();
      // The checks and the final copy of a large import may run for minutes: longer than the
      // socket timeout that guards ordinary requests against a database that stopped answering.
      connection.setNetworkTimeout(Runnable::run, IMPORT_SOCKET_TIMEOUT_MS);
      try {
        return run(connection, body);
      } finally {
        connection.setNetworkTimeout(Runnable::run, socketTimeout);
      }
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        // Creates wait for imports, so only a slug taken by an edit can get here.
        throw ApiException.conflict(
            "An article changed while the import ran took one of its slugs; nothing was imported");
      }
      if ("23503".equals(e.getSQLState())) {
        // The checks found every reference; deletes do not wait for imports.
        throw ApiException.conflict(
            "An article or comment that the import's comments refer to was deleted while it ran;"
                + " nothing was imported");
      }
      throw new IllegalStateException("The import failed in the database", e);
    } catch (IOException e) {
      // Only reading the request body throws IOException here; the transaction is rolled back.
      throw ApiException.unreadableBody();
    }
  }

  private ImportResult run(Connection connection, InputStream body)
      throws SQLException, IOException {
    long started = System.nanoTime();
    holdImportLock(connection);
    prepare(connection);
    long[] counts = stage(connection, new NdjsonLines(body, config.importMaxBytes()));
    long staged = System.nanoTime();
    check(connection);
    long checked = System.nanoTime();
    publish(connection);
    refreshStatistics(connection, "article", counts[0]);
    refreshStatistics(connection, "comment", counts[1]);
    long published = System.nanoTime();
    LOG.infof(
        "Imported %d articles and %d comments: read and staged in %d ms, checked in %d ms,"
            + " stored in %d ms (commit follows)",
        counts[0],
        counts[1],
        (staged - started) / 1_000_000,
        (checked - staged) / 1_000_000,
        (published - checked) / 1_000_000);
    return new ImportResult(counts[0], counts[1]);
  }

  private static void prepare(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("set local gazette.importing = 'on'");
      statement.execute(
          "create temp table import_article (line bigint, id bigint, slug text, title text,"
              + " summary text, excerpt text, body text, body_html text, source text, author text,"
              + " tags text[], status text, published_at timestamptz, created_at timestamptz,"
              + " updated_at timestamptz, version bigint, comments_open boolean, search tsvector)"
              + " on commit drop");
      statement.execute(
          "create temp table import_comment (line bigint, id bigint, article_id bigint,"
              + " parent_id bigint, author_name text, author_email text, author_url text,"
              + " body text, body_html text, status text, created_at timestamptz,"
              + " updated_at timestamptz, version bigint) on commit drop");
      // The search vector is computed as each batch is staged (see StagingWriter), by the same
      // trigger function that keeps it on the article table (migration V15).
      statement.execute(
          "create trigger import_article_search before insert on import_article"
              + " for each row execute function article_maintain_search()");
      // Staged text is read once more and stored again: compressing it here is wasted work.
      for (String column : new String[] {"summary", "excerpt", "body", "body_html"}) {
        statement.execute(
            "alter table import_article alter column " + column + " set storage external");
      }
    }
  }

  /**
   * Reads, validates and renders every line on this thread while a {@link StagingWriter} inserts
   * the previous batches into the staging tables through the driver's own connection (the pool's
   * wrapper checks the transaction of the calling thread). A trigger on the staging table computes
   * each article's search vector as it is inserted.
   */
  private long[] stage(Connection connection, NdjsonLines lines) throws SQLException, IOException {
    long articles = 0;
    long comments = 0;
    List<StagingWriter.Row> articleRows = new ArrayList<>(BATCH);
    List<StagingWriter.Row> commentRows = new ArrayList<>(BATCH);
    long articleBytes = 0;
    long commentBytes = 0;
    Connection driver = (Connection) connection.unwrap(PGConnection.class);
    try (PreparedStatement article =
            driver.prepareStatement(
                "insert into import_article values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        PreparedStatement comment =
            driver.prepareStatement(
                "insert into import_comment values (?,?,?,?,?,?,?,?,?,?,?,?,?)");
        StagingWriter writer = new StagingWriter()) {
      byte[] bytes;
      while ((bytes = lines.next()) != null) {
        long line = lines.number();
        if (isBlank(bytes)) {
          continue;
        }
        ObjectNode node = parse(bytes, line);
        JsonNode type = node.remove("type");
        String kind = type == null || !type.isTextual() ? "" : type.asText();
        if (kind.equals("article")) {
          long id = positiveId(node, "id", line);
          articleRows.add(stageArticle(node, line, id));
          articles++;
          articleBytes += bytes.length;
          if (articleRows.size() == BATCH || articleBytes >= BATCH_BYTES) {
            writer.submit(article, articleRows);
            articleRows = new ArrayList<>(BATCH);
            articleBytes = 0;
          }
        } else if (kind.equals("comment")) {
          long id = positiveId(node, "id", line);
          commentRows.add(stageComment(node, line, id));
          comments++;
          commentBytes += bytes.length;
          if (commentRows.size() == BATCH || commentBytes >= BATCH_BYTES) {
            writer.submit(comment, commentRows);
            commentRows = new ArrayList<>(BATCH);
            commentBytes = 0;
          }
        } else {
          throw lineProblem(line, "type", "must be \"article\" or \"comment\"");
        }
      }
      if (!articleRows.isEmpty()) {
        writer.submit(article, articleRows);
      }
      if (!commentRows.isEmpty()) {
        writer.submit(comment, commentRows);
      }
      writer.finish();
    }
    return new long[] {articles, comments};
  }

  private StagingWriter.Row stageArticle(ObjectNode node, long line, long id) {
    Instant createdAt = time(node, "createdAt", line);
    Instant updatedAt = time(node, "updatedAt", line);
    long version = node.hasNonNull("version") ? positiveId(node, "version", line) : 1;
    ArticleInput input = bind(node, ArticleInput.class, line);
    if (input.slug() == null) {
      throw lineProblem(line, "slug", "is required in an import");
    }
    Instant publishedAt =
        input.publishedAt() == null ? null : Times.parse(input.publishedAt()).get();
    String status = input.status() == null ? "draft" : input.status();
    if (status.equals("published") && publishedAt == null) {
      publishedAt = createdAt;
    }
    Instant published = publishedAt;
    BodyRenderer.Rendered rendered = renderer.render(input.body());
    Object[] tags = input.tags() == null ? new String[0] : input.tags().toArray();
    return insert -> {
      insert.setLong(1, line);
      insert.setLong(2, id);
      insert.setString(3, input.slug());
      insert.setString(4, input.title());
      insert.setString(5, input.summary());
      insert.setString(6, rendered.excerpt());
      insert.setString(7, input.body());
      insert.setString(8, rendered.html());
      insert.setString(9, input.source());
      insert.setString(10, input.author());
      insert.setArray(11, insert.getConnection().createArrayOf("text", tags));
      insert.setString(12, status);
      Jdbc.setTimestamptz(insert, 13, published);
      Jdbc.setTimestamptz(insert, 14, createdAt);
      Jdbc.setTimestamptz(insert, 15, updatedAt);
      insert.setLong(16, version);
      insert.setBoolean(17, input.commentsOpen() == null || input.commentsOpen());
    };
  }

  private StagingWriter.Row stageComment(ObjectNode node, long line, long id) {
    long articleId = positiveId(node, "articleId", line);
    Instant createdAt = time(node, "createdAt", line);
    Instant updatedAt = time(node, "updatedAt", line);
    long version = node.hasNonNull("version") ? positiveId(node, "version", line) : 1;
    JsonNode statusNode = node.get("status");
    String status = statusNode == null || statusNode.isNull() ? "pending" : statusNode.asText();
    if (statusNode != null && !statusNode.isNull() && !statusNode.isTextual()
        || !COMMENT_STATUSES.contains(status)) {
      throw lineProblem(line, "status", "must be pending, approved, spam or trash");
    }
    CommentInput input = bind(node, CommentInput.class, line);
    String html = CommentText.toHtml(input.body());
    return insert -> {
      insert.setLong(1, line);
      insert.setLong(2, id);
      insert.setLong(3, articleId);
      Jdbc.setLong(insert, 4, input.parentId());
      insert.setString(5, input.authorName());
      insert.setString(6, input.authorEmail());
      insert.setString(7, input.authorUrl());
      insert.setString(8, input.body());
      insert.setString(9, html);
      insert.setString(10, status);
      Jdbc.setTimestamptz(insert, 11, createdAt);
      Jdbc.setTimestamptz(insert, 12, updatedAt);
      insert.setLong(13, version);
    };
  }

  /** Reference and uniqueness checks over the whole file, each naming the first bad line. */
  /**
   * Runs one import at a time, and no create of an article or comment beside it, until the
   * transaction ends: the checks of one import would not see what another is storing, and an id a
   * create drew meanwhile could be one of the import's later lines. Creates wait for the lock (see
   * {@link IdSequences#WAIT_FOR_IMPORTS}); reads and edits go on.
   */
  private static void holdImportLock(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("select pg_advisory_xact_lock(" + IdSequences.IMPORT_LOCK + ")");
    }
  }

  private static void check(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("create index on import_article (id)");
      statement.execute("create index on import_article (slug)");
      statement.execute("create index on import_comment (id)");
      statement.execute("analyze import_article");
      statement.execute("analyze import_comment");
    }
    String[][] checks = {
      {
        "select line from (select line, row_number() over (partition by id order by line) n"
            + " from import_article) d where n > 1 order by line limit 1",
        "id",
        "repeats the id of an earlier article"
      },
      {
        "select i.line from import_article i where exists"
            + " (select 1 from article a where a.id = i.id) order by i.line limit 1",
        "id",
        "is the id of an article that already exists"
      },
      {
        "select line from (select line, row_number() over (partition by slug order by line) n"
            + " from import_article) d where n > 1 order by line limit 1",
        "slug",
        "repeats the slug of an earlier article"
      },
      {
        "select i.line from import_article i where exists"
            + " (select 1 from article a where a.slug = i.slug) order by i.line limit 1",
        "slug",
        "is already in use"
      },
      {
        "select line from (select line, row_number() over (partition by id order by line) n"
            + " from import_comment) d where n > 1 order by line limit 1",
        "id",
        "repeats the id of an earlier comment"
      },
      {
        "select i.line from import_comment i where exists"
            + " (select 1 from comment c where c.id = i.id) order by i.line limit 1",
        "id",
        "is the id of a comment that already exists"
      },
      {
        "select c.line from import_comment c where not exists"
            + " (select 1 from import_article a where a.id = c.article_id and a.line < c.line)"
            + " and not exists (select 1 from article a where a.id = c.article_id)"
            + " order by c.line limit 1",
        "articleId",
        "names no article imported on an earlier line or already stored"
      },
      {
        "select c.line from import_comment c where c.parent_id is not null and not exists"
            + " (select 1 from import_comment p where p.id = c.parent_id and p.line < c.line"
            + " and p.article_id = c.article_id) and not exists (select 1 from comment p"
            + " where p.id = c.parent_id and p.article_id = c.article_id)"
            + " order by c.line limit 1",
        "parentId",
        "names no comment of the same article imported on an earlier line or already stored"
      }
    };
    for (String[] check : checks) {
      try (Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery(check[0])) {
        if (result.next()) {
          throw lineProblem(result.getLong(1), check[1], check[2]);
        }
      }
    }
  }

  /**
   * Moves staged rows into place, computes counters, raises the id sequences past the imported ids
   * (no create draws one meanwhile: they wait for the import lock), tells the caches. New articles
   * and comments are written once, with their counters already counted from the staged comments
   * (all of a new row's comments are staged); only stored rows that gain comments are updated.
   * Updating every imported article afterwards would write the table twice, computing its search
   * vector again and leaving as many dead rows for vacuum as live ones.
   */
  private static void publish(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "insert into article (id, slug, title, summary, excerpt, body, body_html, source, author,"
              + " tags, status, published_at, created_at, updated_at, version, comments_open,"
              + " comment_count, search) select i.id, i.slug, i.title, i.summary, i.excerpt,"
              + " i.body, i.body_html, i.source, i.author, i.tags, i.status, i.published_at,"
              + " i.created_at, i.updated_at, i.version, i.comments_open, coalesce(n.count, 0),"
              + " i.search"
              + " from import_article i left join (select article_id, count(*) count"
              + " from import_comment where status = 'approved' group by article_id) n"
              + " on n.article_id = i.id order by i.line");
      statement.execute(
          "insert into comment (id, article_id, parent_id, author_name, author_email, author_url,"
              + " body, body_html, status, reply_count, version, created_at, updated_at)"
              + " select i.id, i.article_id, i.parent_id, i.author_name, i.author_email,"
              + " i.author_url, i.body, i.body_html, i.status, coalesce(n.count, 0), i.version,"
              + " i.created_at, i.updated_at"
              + " from import_comment i left join (select parent_id, count(*) count"
              + " from import_comment where status = 'approved' and parent_id is not null"
              + " group by parent_id) n on n.parent_id = i.id order by i.line");
      statement.execute(
          "update article a set comment_count = n.count from (select article_id, count(*) count"
              + " from comment where status = 'approved' and article_id in"
              + " (select article_id from import_comment except select id from import_article)"
              + " group by article_id) n where a.id = n.article_id");
      statement.execute(
          "update comment p set reply_count = n.count from (select parent_id, count(*) count"
              + " from comment where status = 'approved' and parent_id in"
              + " (select parent_id from import_comment where parent_id is not null"
              + " except select id from import_comment) group by parent_id) n"
              + " where p.id = n.parent_id");
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(IdSequences.raiseSql("article", "(select max(id) from import_article)"));
      statement.execute(IdSequences.raiseSql("comment", "(select max(id) from import_comment)"));
      statement.execute(
          "select pg_notify('"
              + ChangeListener.CHANNEL
              + "', '"
              + ChangeListener.EVERYTHING
              + "')");
    }
  }

  /**
   * Analyzes a table the import grew by more than a tenth (the share at which autovacuum would, a
   * minute or more later). Until then the planner would take, say, a word found in most of a
   * million imported articles for a rare one, and answer a search by ranking every match instead of
   * walking the newest-first index. Inside the import's transaction, ANALYZE sees its rows.
   */
  private static void refreshStatistics(Connection connection, String table, long imported)
      throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "select greatest(reltuples, 0) from pg_class where oid = '"
                    + table
                    + "'::regclass")) {
      result.next();
      if (imported > 50 + 0.1 * result.getDouble(1)) {
        statement.execute("analyze " + table);
      }
    }
  }

  private ObjectNode parse(byte[] bytes, long line) {
    if (Utf8.firstMalformed(bytes, 0, bytes.length) >= 0) {
      throw new ApiException(
          ProblemType.MALFORMED_JSON,
          "Line " + line + " is not valid UTF-8",
          List.of(new FieldError("line", "is not valid UTF-8", line)));
    }
    JsonNode node;
    try {
      node = mapper.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new ApiException(
          ProblemType.MALFORMED_JSON,
          "Line " + line + " is not valid JSON: " + JsonBodies.parserMessage(e),
          List.of(new FieldError("line", "is not valid JSON", line)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!(node instanceof ObjectNode object)) {
      throw new ApiException(
          ProblemType.MALFORMED_JSON,
          "Line " + line + " must be a JSON object",
          List.of(new FieldError("line", "must be a JSON object", line)));
    }
    return object;
  }

  private <T extends Record> T bind(ObjectNode node, Class<T> type, long line) {
    try {
      return json.bind(node, type);
    } catch (ApiException e) {
      List<FieldError> errors = new ArrayList<>();
      e.errors().forEach(error -> errors.add(error.atLine(line)));
      throw new ApiException(e.type(), "Line " + line + ": " + e.getMessage(), errors);
    } catch (JsonBodies.UncheckedJsonException e) {
      throw new ApiException(
          ProblemType.VALIDATION,
          "Line " + line + " is invalid: " + e.getMessage(),
          List.of(new FieldError("line", "is invalid", line)));
    }
  }

  /**
   * An imported id or version. Kept below 2^53 (the largest integer a JavaScript client reads
   * exactly), which also leaves the id sequences room to go on: an id of 2^63 - 1 would make every
   * later create fail, and a version there would overflow on the next edit.
   */
  private static long positiveId(ObjectNode node, String field, long line) {
    JsonNode value = node.get(field);
    if (value == null
        || !value.canConvertToLong()
        || !value.isIntegralNumber()
        || value.asLong() < 1
        || value.asLong() > MAX_IMPORTED_ID) {
      throw lineProblem(line, field, "must be a positive integer up to " + MAX_IMPORTED_ID);
    }
    return value.asLong();
  }

  private static Instant time(ObjectNode node, String field, long line) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Times.now();
    }
    if (!value.isTextual()) {
      throw lineProblem(line, field, "must be an RFC 3339 date-time");
    }
    String text = value.asText();
    return Times.parse(text)
        .orElseThrow(
            () -> lineProblem(line, field, Times.refusal(text, "must be an RFC 3339 date-time")));
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  static ApiException lineProblem(long line, String field, String message) {
    return new ApiException(
        ProblemType.VALIDATION,
        "Line " + line + ": field '" + field + "' " + message,
        List.of(new FieldError(field, message, line)));
  }
}
