package io.gazette.article;

import io.agroal.api.AgroalDataSource;
import io.gazette.common.ApiException;
import io.gazette.common.Jdbc;
import io.gazette.common.Text;
import io.gazette.database.IdSequences;
import io.gazette.database.ImportWaits;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Articles in PostgreSQL. Writes go through Panache entities; reads are one SQL statement each
 * straight into {@link ArticleView} because they are the hot path: a single article (every cache
 * miss) and list pages (keyset on an indexed key, no bodies unless asked for).
 */
@ApplicationScoped
public class ArticleRepository implements PanacheRepository<Article> {

  /** The first key of slug locks ({@link #lockSlugFamilies}): "slug" in ASCII. */
  private static final int SLUG_LOCKS = 0x736C7567;

  private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

  /** Publication time as the list indexes hold it: never null, so that it orders every row. */
  private static final String PUBLISHED_KEY = ArticleSort.PUBLISHED_DESC.keyExpression;

  private final AgroalDataSource dataSource;
  private final ImportWaits importWaits;

  public ArticleRepository(AgroalDataSource dataSource, ImportWaits importWaits) {
    this.dataSource = dataSource;
    this.importWaits = importWaits;
  }

  /**
   * How a path segment names an article: a number is an id, anything else a slug. Text PostgreSQL
   * cannot even compare (NUL, unpaired surrogates) names no article.
   */
  private record Key(Long id, String slug) {

    static Optional<Key> of(String idOrSlug) {
      if (ID.matcher(idOrSlug).matches()) {
        return Optional.of(new Key(Long.parseLong(idOrSlug), null));
      }
      return Text.unstorable(idOrSlug) != null
          ? Optional.empty()
          : Optional.of(new Key(null, idOrSlug));
    }

    /** The SQL condition on the article table, with one parameter for {@link #bind}. */
    String condition() {
      return id != null ? "id = ?" : "slug = ?";
    }

    void bind(PreparedStatement statement, int index) throws SQLException {
      if (id != null) {
        statement.setLong(index, id);
      } else {
        statement.setString(index, slug);
      }
    }
  }

  /** One article as readers see it, by id or slug, without an entity. */
  public Optional<ArticleView> findView(String idOrSlug) {
    return selectOne(idOrSlug, columns(true), row -> view(row, true));
  }

  /** The article an id or slug names (see {@link Key}), row-locked until the transaction ends. */
  public Optional<Article> lockByIdOrSlug(String idOrSlug) {
    return Key.of(idOrSlug)
        .flatMap(
            key ->
                key.id() != null
                    ? findByIdOptional(key.id(), LockModeType.PESSIMISTIC_WRITE)
                    : find("slug", key.slug())
                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                        .firstResultOptional());
  }

  /** What reading and posting comments need to know of their article. */
  public record CommentTarget(long id, String status, Instant publishedAt, boolean commentsOpen) {
    public boolean isPublicAt(Instant now) {
      return ArticleView.isPublic(status, publishedAt, now);
    }
  }

  /**
   * Reads and locks, until the transaction ends, the article a comment is posted to. A shared lock
   * lets posts to one article commit side by side while article edits and moderation, which lock
   * exclusively, wait for them; a post that changes the article's counters must lock exclusively.
   *
   * <p>The same statement takes the transaction-scoped advisory lock of the post's duplicate key
   * (email, body, article), so that identical posts sent at once wait for each other and the later
   * one's duplicate check, a statement run after this one, sees the first. Taking both locks in one
   * statement saves a round trip on every post; a hash collision with an unrelated post only makes
   * one wait briefly.
   */
  public Optional<CommentTarget> lockForComment(
      String idOrSlug, boolean exclusive, String email, String body) {
    Optional<Key> key = Key.of(idOrSlug);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    // The post takes the import lock shared in the same statement (see IdSequences, folded in to
    // spare the hot path a round trip). The settings subquery is read before the article row:
    // while an import runs, the row is filtered out, so nothing is locked, and the post waits for
    // the import below before it tries again.
    String sql =
        "select id, status, published_at, comments_open,"
            + " pg_advisory_xact_lock(hashtextextended(lower(?) || ' ' || ?, id))"
            + " from article, (select set_config('lock_timeout', '5s', true),"
            + " pg_try_advisory_xact_lock_shared("
            + IdSequences.IMPORT_LOCK
            + ") free) settings where settings.free and "
            + key.get().condition()
            + (exclusive ? " for update of article" : " for share of article");
    try (Connection connection = dataSource.getConnection()) {
      Optional<CommentTarget> target = commentTarget(connection, sql, key.get(), email, body);
      if (target.isPresent()) {
        return target;
      }
      // No such article, or an import holds the lock: tell which, waiting for the import if so.
      waitForImports(connection);
      return commentTarget(connection, sql, key.get(), email, body);
    } catch (SQLException e) {
      throw new IllegalStateException("Locking the article failed", e);
    }
  }

  private static Optional<CommentTarget> commentTarget(
      Connection connection, String sql, Key key, String email, String body) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, email);
      statement.setString(2, body);
      key.bind(statement, 3);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? Optional.of(commentTarget(row)) : Optional.empty();
      }
    }
  }

  private static boolean tryImportLock(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(IdSequences.TRY_IMPORT_LOCK)) {
      row.next();
      return row.getBoolean(1);
    }
  }

  private static void awaitImportLock(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(IdSequences.WAIT_FOR_IMPORTS);
    } catch (SQLException e) {
      throw new IllegalStateException("Waiting for an import failed", e);
    }
  }

  /** An article's comment target without a lock, for reading its comments: no body is read. */
  public Optional<CommentTarget> findCommentTarget(String idOrSlug) {
    return selectOne(
        idOrSlug, "id, status, published_at, comments_open", ArticleRepository::commentTarget);
  }

  private static CommentTarget commentTarget(ResultSet row) throws SQLException {
    return new CommentTarget(
        row.getLong("id"),
        row.getString("status"),
        Jdbc.instant(row, "published_at"),
        row.getBoolean("comments_open"));
  }

  /** Reads the current row of a result set into a value. */
  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** {@code select <columns>} of the article an id or slug names, without a lock. */
  private <T> Optional<T> selectOne(String idOrSlug, String columns, RowReader<T> reader) {
    Optional<Key> key = Key.of(idOrSlug);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    String sql = "select " + columns + " from article where " + key.get().condition();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      key.get().bind(statement, 1);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? Optional.of(reader.read(row)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading article '" + idOrSlug + "' failed", e);
    }
  }

  public boolean slugTaken(String slug, Long exceptId) {
    return count("slug = ?1 and id <> ?2", slug, exceptId == null ? -1L : exceptId) > 0;
  }

  /**
   * Holds, until the transaction ends, the lock that writers of slugs from one family take: a base
   * and its numbered forms ({@code geneva-talks}, {@code geneva-talks-2}...). Two articles created
   * at once with the same title would otherwise both find {@code geneva-talks} free, and the second
   * insert would fail on the unique slug instead of taking {@code -2}. An explicit slug takes the
   * locks of both families it may belong to ({@code top-10} is the base {@code top-10} and the
   * tenth of {@code top}), in one order, so that no two writers wait for each other.
   */
  public void lockSlugFamilies(String slug) {
    TreeSet<String> families = new TreeSet<>();
    families.add(slug);
    families.add(slug.replaceFirst("-[0-9]+$", ""));
    for (String family : families) {
      getEntityManager()
          .createNativeQuery("select pg_advisory_xact_lock(?1, hashtext(?2))")
          .setParameter(1, SLUG_LOCKS)
          .setParameter(2, family)
          .getSingleResult();
    }
  }

  /** Waits while an import runs (see {@link IdSequences#WAIT_FOR_IMPORTS}); before any create. */
  public void waitForImports() {
    try (Connection connection = dataSource.getConnection()) {
      waitForImports(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("Waiting for an import failed", e);
    }
  }

  /** Takes the import lock shared on the transaction's connection, waiting if an import runs. */
  private void waitForImports(Connection connection) throws SQLException {
    if (!tryImportLock(connection)) {
      importWaits.await(() -> awaitImportLock(connection));
    }
  }

  /**
   * Gives an article the id it had elsewhere (demo content, imports) and moves the id sequence past
   * it, so that ids the server assigns later never collide.
   */
  public void moveToId(long currentId, long wantedId) {
    getEntityManager().flush();
    getEntityManager().clear();
    getEntityManager()
        .createNativeQuery("update article set id = ?1 where id = ?2")
        .setParameter(1, wantedId)
        .setParameter(2, currentId)
        .executeUpdate();
    getEntityManager()
        .createNativeQuery(IdSequences.raiseSql("article", "?1"))
        .setParameter(1, wantedId)
        .getSingleResult();
  }

  /** When the next scheduled article becomes visible, if any is scheduled after {@code now}. */
  public Optional<Instant> nextScheduledPublication(Instant now) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "select min(coalesce(published_at, '-infinity'::timestamptz)) as next from article"
                    + " where status = 'published'"
                    + " and coalesce(published_at, '-infinity'::timestamptz) > ?")) {
      Jdbc.setTimestamptz(statement, 1, now);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? Optional.ofNullable(Jdbc.instant(row, "next")) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the next scheduled publication failed", e);
    }
  }

  /** Runs a list query; returns one page (with one look-ahead row to know if there is more). */
  ArticleListing list(ArticleListQuery query, boolean includeUnpublished, Instant now) {
    List<Object> filters = new ArrayList<>();
    String where = where(query, includeUnpublished, now, filters);
    ArticleSort sort = query.sort();
    String direction = sort.descending ? " desc" : " asc";
    List<Object> parameters = new ArrayList<>(filters);
    String order = " order by " + sort.keyExpression + direction + ", id" + direction;
    String window = query.page() == null ? " limit ?" : " limit ? offset ?";
    // Bodies are read afterwards, a few at a time when they are large (see withBodies); the page
    // itself only says how large they are.
    StringBuilder sql = new StringBuilder("select ").append(columns(false));
    if (query.needsBody()) {
      sql.append(", octet_length(body) + octet_length(body_html) as content_bytes");
    }
    sql.append(", ").append(sort.keyExpression).append(" as sort_key from article");
    if (skipsInPublicIndex(query, includeUnpublished)) {
      // A numbered page skips (page - 1) * limit articles. Choosing the page's ids in a subquery
      // lets PostgreSQL skip them in article_public_published_idx alone, without reading each
      // skipped row from the table: at a million articles, page 49,000 takes 0.1 s, not 1 s.
      sql.append(" where id in (select id from article").append(where).append(order);
      sql.append(window).append(")").append(order);
    } else {
      sql.append(where);
      if (query.cursor() != null) {
        sql.append(where.isEmpty() ? " where " : " and ");
        sql.append("(")
            .append(sort.keyExpression)
            .append(", id) ")
            .append(sort.descending ? "<" : ">")
            .append(sort.timeKey ? " (?::timestamptz, ?)" : " (?, ?)");
        parameters.add(query.cursor().key());
        parameters.add(query.cursor().id());
      }
      sql.append(order).append(window);
    }
    parameters.add(query.limit() + 1);
    if (query.page() != null) {
      parameters.add((long) (query.page() - 1) * query.limit());
    }
    try (Connection connection = dataSource.getConnection()) {
      List<ArticleListing.Row> rows = new ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
        bind(statement, parameters);
        try (ResultSet result = statement.executeQuery()) {
          while (result.next()) {
            rows.add(
                new ArticleListing.Row(
                    view(result, false),
                    sortKey(result, sort),
                    query.needsBody() ? result.getLong("content_bytes") : 0));
          }
        }
      }
      boolean more = rows.size() > query.limit();
      if (more) {
        rows = rows.subList(0, query.limit());
      }
      Long total = query.page() == null ? null : count(connection, where, filters);
      return new ArticleListing(rows, more, total);
    } catch (SQLException e) {
      if (query.text() != null
          && e.getMessage() != null
          && e.getMessage().contains("tsquery stack too small")) {
        // websearch_to_tsquery nests one operator in the next: 33 "-" in a row overflow it.
        throw ApiException.badParameter("q", "has too many operators (such as '-') to search for");
      }
      throw new IllegalStateException("Listing articles failed", e);
    }
  }

  /**
   * The articles with these ids, bodies included, in the order of {@code ids}; gone ones left out.
   */
  List<ArticleView> withBodies(List<Long> ids) {
    String sql = "select " + columns(true) + " from article where id = any(?)";
    Map<Long, ArticleView> found = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          ArticleView article = view(result, true);
          found.put(article.id(), article);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading article bodies failed", e);
    }
    List<ArticleView> ordered = new ArrayList<>(ids.size());
    for (Long id : ids) {
      ArticleView article = found.get(id);
      if (article != null) {
        ordered.add(article);
      }
    }
    return ordered;
  }

  /**
   * Whether a numbered page can skip its predecessors in the public list index: an anonymous list
   * by publication time whose only conditions are on publication time, all of which the index
   * holds. Other filters need the table for every skipped row anyway, where a subquery only adds
   * work.
   */
  private static boolean skipsInPublicIndex(ArticleListQuery query, boolean includeUnpublished) {
    return query.page() != null
        && !includeUnpublished
        && query.sort().keyExpression.equals(PUBLISHED_KEY)
        && query.tags().isEmpty()
        && query.author() == null
        && query.source() == null
        && query.text() == null;
  }

  private static long count(Connection connection, String where, List<Object> filters)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("select count(*) from article" + where)) {
      bind(statement, filters);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  private static String where(
      ArticleListQuery query, boolean includeUnpublished, Instant now, List<Object> parameters) {
    List<String> conditions = new ArrayList<>();
    // Time conditions are also stated on the expression the publication-time indexes hold
    // (PUBLISHED_KEY), so that a scan of article_public_published_idx starts at the bound instead
    // of
    // walking past every article scheduled for later (seconds at a million articles).
    if (!includeUnpublished) {
      conditions.add("status = 'published' and published_at <= ? and " + PUBLISHED_KEY + " <= ?");
      parameters.add(now);
      parameters.add(now);
    } else if (query.status() != null) {
      conditions.add("status = ?");
      parameters.add(query.status().wire());
    }
    for (String tag : query.tags()) {
      conditions.add("tags @> array[?]::text[]");
      parameters.add(tag);
    }
    if (query.author() != null) {
      conditions.add("author = ?");
      parameters.add(query.author());
    }
    if (query.source() != null) {
      conditions.add("source = ?");
      parameters.add(query.source());
    }
    if (query.publishedAfter() != null) {
      conditions.add(PUBLISHED_KEY + " >= ?"); // the same rows as published_at >= ?
      parameters.add(query.publishedAfter());
    }
    if (query.publishedBefore() != null) {
      conditions.add("published_at < ? and " + PUBLISHED_KEY + " < ?");
      parameters.add(query.publishedBefore());
      parameters.add(query.publishedBefore());
    }
    if (query.text() != null) {
      // Underscores read as spaces, as when the vectors are computed (migration V17).
      conditions.add("search @@ websearch_to_tsquery('english', translate(?, '_', ' '))");
      parameters.add(query.text());
    }
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }

  private static String columns(boolean withBody) {
    return "id, slug, title, coalesce(summary, excerpt) as summary, "
        + (withBody ? "body, body_html, " : "")
        + "source, author, tags, status, published_at, created_at, updated_at, version,"
        + " comments_open, comment_count";
  }

  private static void bind(PreparedStatement statement, List<Object> parameters)
      throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      Object value = parameters.get(i);
      if (value instanceof Instant instant) {
        Jdbc.setTimestamptz(statement, i + 1, instant);
      } else {
        statement.setObject(i + 1, value);
      }
    }
  }

  private static ArticleView view(ResultSet row, boolean withBody) throws SQLException {
    return new ArticleView(
        row.getLong("id"),
        row.getString("slug"),
        row.getString("title"),
        row.getString("summary"),
        withBody ? row.getString("body") : null,
        withBody ? row.getString("body_html") : null,
        row.getString("source"),
        row.getString("author"),
        Arrays.asList((String[]) row.getArray("tags").getArray()),
        row.getString("status"),
        Jdbc.instant(row, "published_at"),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "updated_at"),
        row.getLong("version"),
        row.getBoolean("comments_open"),
        row.getInt("comment_count"));
  }

  private static String sortKey(ResultSet row, ArticleSort sort) throws SQLException {
    if (!sort.timeKey) {
      return row.getString("sort_key");
    }
    Instant key = Jdbc.instant(row, "sort_key");
    return key == null ? "-infinity" : key.toString();
  }
}
