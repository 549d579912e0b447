package io.gazette.ops;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import io.agroal.api.AgroalDataSource;
import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When every pooled connection is taken, requests are turned away quickly instead of queueing. */
@QuarkusTest
class PoolExhaustionTest {

  @Inject AgroalDataSource dataSource;

  @Test
  void anExhaustedPoolAnswers503WithRetryAfterWithinThreeSecondsThenRecovers() throws SQLException {
    long id = ArticleFixture.published().createId();
    List<Connection> held = new ArrayList<>();
    try {
      int maxSize = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
      for (int i = 0; i < maxSize; i++) {
        held.add(dataSource.getConnection());
      }

      Api.anonymous()
          .when()
          .get("/api/v1/articles/" + id)
          .then()
          .time(lessThan(3L), TimeUnit.SECONDS)
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", "5")
          .body("status", equalTo(503));
      Api.admin()
          .contentType(ContentType.JSON)
          .body(ArticleFixture.draft().body())
          .when()
          .post("/api/v1/articles")
          .then()
          .time(lessThan(3L), TimeUnit.SECONDS)
          .statusCode(503)
          .header("Retry-After", "5");
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }

    Api.anonymous().when().get("/api/v1/articles/" + id).then().statusCode(200);
  }
}
