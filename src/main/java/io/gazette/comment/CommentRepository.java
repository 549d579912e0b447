package io.gazette.comment;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Comments in PostgreSQL. Lists are keyset pages on {@code (created_at, id)}, each served by an
 * index of migration V7; the counters are the database's job (migration V8).
 */
@ApplicationScoped
public class CommentRepository implements PanacheRepository<Comment> {

  private final AgroalDataSource dataSource;

  public CommentRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Approved comments of one article, oldest first: one page plus one look-ahead row that tells
   * whether there is more.
   */
  List<Comment> approvedOf(long articleId, CommentPageRequest page) {
    StringBuilder where = new StringBuilder("articleId = :article and status = 'approved'");
    Parameters parameters = Parameters.with("article", articleId);
    if (page.cursor() != null) {
      where.append(" and (createdAt, id) > (:time, :id)");
      parameters.and("time", page.cursorTime()).and("id", page.cursor().id());
    }
    return window(find(where.toString(), Sort.ascending("createdAt", "id"), parameters), page);
  }

  /**
   * Whether the same email already posted the same body on the article since {@code since}. It
   * first locks that key until commit, so that concurrent identical posts wait for each other and
   * the later one sees the first (a hash collision with an unrelated post only makes one wait
   * briefly). Plain JDBC on the transaction's connection: this runs on every post, and Hibernate's
   * native queries cost more than the statements. Served by comment_duplicate_idx (migration V14).
   */
  boolean lockAndFindDuplicate(long articleId, String email, String body, Instant since) {
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement lock =
          connection.prepareStatement(
              "select pg_advisory_xact_lock(hashtextextended(lower(?) || ' ' || ?, ?))")) {
        lock.setString(1, email);
        lock.setString(2, body);
        lock.setLong(3, articleId);
        lock.execute();
      }
      try (PreparedStatement check =
          connection.prepareStatement(
              "select exists (select 1 from comment where article_id = ?"
                  + " and lower(author_email) = lower(?) and created_at > ? and body = ?)")) {
        check.setLong(1, articleId);
        check.setString(2, email);
        check.setObject(3, since.atOffset(ZoneOffset.UTC));
        check.setString(4, body);
        try (ResultSet result = check.executeQuery()) {
          return result.next() && result.getBoolean(1);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Checking for a duplicate comment failed", e);
    }
  }

  long countApprovedOf(long articleId) {
    return count("articleId = ?1 and status = 'approved'", articleId);
  }

  /** The moderation queue, newest first, with one look-ahead row. */
  List<Comment> queue(ModerationQuery query) {
    Parameters parameters = new Parameters();
    String where = filters(query, parameters);
    CommentPageRequest page = query.page();
    if (page.cursor() != null) {
      where += " and (createdAt, id) < (:time, :id)";
      parameters.and("time", page.cursorTime()).and("id", page.cursor().id());
    }
    return window(find(where, Sort.descending("createdAt", "id"), parameters), page);
  }

  long countQueue(ModerationQuery query) {
    Parameters parameters = new Parameters();
    return count(filters(query, parameters), parameters);
  }

  private static String filters(ModerationQuery query, Parameters parameters) {
    String where = "1 = 1";
    if (query.status() != null) {
      where += " and status = :status";
      parameters.and("status", query.status().wire());
    }
    if (query.articleId() != null) {
      where += " and articleId = :article";
      parameters.and("article", query.articleId());
    }
    return where;
  }

  private static List<Comment> window(PanacheQuery<Comment> query, CommentPageRequest page) {
    return query.range(page.offset(), page.offset() + page.limit()).list();
  }

  /** The article a comment belongs to, read without locking anything. */
  Optional<Long> articleIdOf(long commentId) {
    return getEntityManager()
        .createQuery("select articleId from Comment where id = :id", Long.class)
        .setParameter("id", commentId)
        .getResultStream()
        .findFirst();
  }

  Optional<Comment> lock(long commentId) {
    return findByIdOptional(commentId, LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * Moves the direct replies of one comment to another parent (null: top level). Written in SQL
   * because the entity never writes {@code parent_id}; the counter triggers move the approved
   * replies' counts from the old parent to the new one.
   */
  int reparentReplies(long fromParentId, Long toParentId) {
    getEntityManager().flush();
    var update =
        toParentId == null
            ? getEntityManager()
                .createNativeQuery("update comment set parent_id = null where parent_id = ?1")
            : getEntityManager()
                .createNativeQuery("update comment set parent_id = ?2 where parent_id = ?1")
                .setParameter(2, toParentId);
    return update.setParameter(1, fromParentId).executeUpdate();
  }
}
