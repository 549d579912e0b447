package io.gazette.comment;

import io.agroal.api.AgroalDataSource;
import io.gazette.common.ApiException;
import io.gazette.common.Jdbc;
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
import java.util.ArrayList;
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
    // One plain statement: every anonymous cache miss and every token holder's read runs it, and
    // reading a page of entities through the ORM took about a third of such a request.
    String sql =
        "select id, article_id, parent_id, author_name, author_email, author_url, body, body_html,"
            + " status, reply_count, version, created_at, updated_at, client_address, user_agent"
            + " from comment where article_id = ? and status = 'approved'"
            + (page.cursor() != null ? " and (created_at, id) > (?, ?)" : "")
            + " order by created_at, id limit ? offset ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      int index = 1;
      statement.setLong(index++, articleId);
      if (page.cursor() != null) {
        Jdbc.setTimestamptz(statement, index++, page.cursorTime());
        statement.setLong(index++, page.cursor().id());
      }
      statement.setInt(index++, page.limit() + 1);
      statement.setInt(index, page.offset());
      List<Comment> comments = new ArrayList<>(page.limit() + 1);
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          comments.add(comment(row));
        }
      }
      return comments;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Reading the comments of article " + articleId + " failed", e);
    }
  }

  private static Comment comment(ResultSet row) throws SQLException {
    Comment comment = new Comment();
    comment.id = row.getLong("id");
    comment.articleId = row.getLong("article_id");
    long parentId = row.getLong("parent_id");
    comment.parentId = row.wasNull() ? null : parentId;
    comment.authorName = row.getString("author_name");
    comment.authorEmail = row.getString("author_email");
    comment.authorUrl = row.getString("author_url");
    comment.body = row.getString("body");
    comment.bodyHtml = row.getString("body_html");
    comment.status = row.getString("status");
    comment.replyCount = row.getInt("reply_count");
    comment.version = row.getLong("version");
    comment.createdAt = Jdbc.instant(row, "created_at");
    comment.updatedAt = Jdbc.instant(row, "updated_at");
    comment.clientAddress = row.getString("client_address");
    comment.userAgent = row.getString("user_agent");
    return comment;
  }

  /**
   * Inserts a new comment in the current transaction and sets its id, unless the same email posted
   * the same body on the article after {@code since}: then it inserts nothing and returns false.
   * The caller holds the advisory lock of that key ({@code ArticleRepository.lockForComment}), so
   * this statement's snapshot includes any identical post that committed before it.
   *
   * <p>One plain statement doing the check and the insert: an ORM persist took more than a quarter
   * of a comment post's CPU time, and each statement is a round trip. The duplicate check is served
   * by comment_duplicate_idx (migration V14). A constraint the row breaks (its parent deleted a
   * moment ago) is a 409, as it would be through the ORM.
   */
  boolean insertUnlessDuplicate(Comment comment, Instant since) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into comment (article_id, parent_id, author_name, author_email, author_url,"
                    + " body, body_html, status, version, created_at, updated_at, client_address,"
                    + " user_agent) select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                    + " where not exists (select 1 from comment where article_id = ?"
                    + " and lower(author_email) = lower(?) and created_at > ? and body = ?)"
                    + " returning id")) {
      insert.setLong(1, comment.articleId);
      Jdbc.setLong(insert, 2, comment.parentId);
      insert.setString(3, comment.authorName);
      insert.setString(4, comment.authorEmail);
      insert.setString(5, comment.authorUrl);
      insert.setString(6, comment.body);
      insert.setString(7, comment.bodyHtml);
      insert.setString(8, comment.status);
      insert.setLong(9, comment.version);
      Jdbc.setTimestamptz(insert, 10, comment.createdAt);
      Jdbc.setTimestamptz(insert, 11, comment.updatedAt);
      insert.setString(12, comment.clientAddress);
      insert.setString(13, comment.userAgent);
      insert.setLong(14, comment.articleId);
      insert.setString(15, comment.authorEmail);
      Jdbc.setTimestamptz(insert, 16, since);
      insert.setString(17, comment.body);
      try (ResultSet key = insert.executeQuery()) {
        if (!key.next()) {
          return false;
        }
        comment.id = key.getLong(1);
        return true;
      }
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
        throw ApiException.conflict(
            "The change conflicts with the current content; reload and retry");
      }
      throw new IllegalStateException("Inserting the comment failed", e);
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
