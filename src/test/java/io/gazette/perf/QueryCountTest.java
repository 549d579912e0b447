package io.gazette.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.gazette.support.CommentFixture;
import io.gazette.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No N+1 queries: the statements Hibernate prepares for a read do not grow with the number of items
 * on the page (Hibernate statistics, enabled in the test profile), so that no per-item lookup
 * through the ORM creeps in. The article lists, an article's comment pages, the token lookup and
 * the moderation of single rows use plain JDBC and are one statement each by construction.
 */
@QuarkusTest
class QueryCountTest {

  @Inject SessionFactory sessions;

  private Statistics statistics;

  @BeforeEach
  void enableStatistics() {
    statistics = sessions.getStatistics();
    statistics.setStatisticsEnabled(true);
  }

  @Test
  void anArticlesCommentPageCostsTheSameStatementsForOneItemAsForFifty() {
    long article = ArticleFixture.published().createId();
    long parent = CommentFixture.on(article).postApproved();
    for (int i = 0; i < 49; i++) {
      CommentFixture.on(article).replyTo(parent).postApproved();
    }
    // A token bypasses the public cache, so that every request reaches the database.
    String preview = Tokens.secret("preview");
    String path = CommentFixture.path(article);

    long one = statements(() -> Api.withToken(preview).queryParam("limit", 1), path, 1);
    long fifty = statements(() -> Api.withToken(preview).queryParam("limit", 50), path, 50);
    long numbered =
        statements(
            () -> Api.withToken(preview).queryParam("limit", 50).queryParam("page", 1), path, 50);

    assertEquals(one, fifty, "statements for 1 and for 50 comments");
    assertTrue(fifty <= 3, "statements through the ORM for a page of fifty: " + fifty);
    assertTrue(numbered <= fifty + 1, "numbered pages add one count: " + numbered);
  }

  @Test
  void theModerationQueueCostsTheSameStatementsForOneItemAsForFifty() {
    long article = ArticleFixture.published().createId();
    for (int i = 0; i < 50; i++) {
      CommentFixture.on(article).post();
    }
    String path = "/api/v1/comments";

    long one =
        statements(
            () -> Api.admin().queryParam("articleId", article).queryParam("limit", 1), path, 1);
    long fifty =
        statements(
            () -> Api.admin().queryParam("articleId", article).queryParam("limit", 50), path, 50);

    assertEquals(one, fifty, "statements for 1 and for 50 comments");
  }

  @Test
  void theAuditLogCostsTheSameStatementsForOneItemAsForFifty() {
    for (int i = 0; i < 50; i++) {
      ArticleFixture.draft().createId();
    }
    assertEquals(
        statements(() -> Api.admin().queryParam("limit", 1), "/api/v1/audit", 1),
        statements(() -> Api.admin().queryParam("limit", 50), "/api/v1/audit", 50),
        "audit log");
  }

  /** Statements prepared while serving one GET, which must return {@code items} items. */
  private long statements(Supplier<RequestSpecification> request, String path, int items) {
    // Once unmeasured: a token's first use of the minute also records its lastUsedAt.
    request.get().when().get(path).then().statusCode(200);
    statistics.clear();
    request.get().when().get(path).then().statusCode(200);
    long count = statistics.getPrepareStatementCount();
    int served = request.get().when().get(path).then().extract().path("data.size()");
    assertEquals(items, served, "items on the page");
    return count;
  }
}
