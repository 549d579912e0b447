package io.gazette.ops;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.gazette.support.CommentFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** /q/metrics serves what an operator graphs and alerts on, in Prometheus text format. */
@QuarkusTest
class MetricsTest {

  @Test
  void httpLatencyIsAHistogramPerRouteTemplate() {
    long id = ArticleFixture.published().createId();
    Api.anonymous().when().get("/api/v1/articles/" + id).then().statusCode(200);

    String metrics = scrape();

    assertTrue(
        metrics
            .lines()
            .anyMatch(
                line ->
                    line.startsWith("http_server_requests_seconds_bucket{")
                        && line.contains("uri=\"/api/v1/articles/{idOrSlug}\"")
                        && line.contains("method=\"GET\"")),
        "latency buckets per route template");
    assertTrue(
        metrics.lines().noneMatch(line -> line.contains("uri=\"/api/v1/articles/" + id + "\"")),
        "raw paths are not labels");
  }

  @Test
  void connectionPoolGaugesAreServed() {
    String metrics = scrape();

    assertTrue(metrics.contains("agroal_active_count"), "active connections");
    assertTrue(metrics.contains("agroal_available_count"), "idle connections");
    assertTrue(metrics.contains("agroal_awaiting_count"), "requests waiting for a connection");
  }

  @Test
  void publishedArticlesAreCountedOnceWhenTheyBecomePublished() {
    double before = value(scrape(), "gazette_articles_published_total");

    ArticleFixture.published().create();
    long draft = ArticleFixture.draft().createId();
    assertEquals(before + 1, value(scrape(), "gazette_articles_published_total"));

    Api.admin()
        .contentType(ContentType.JSON)
        .body("{\"status\": \"published\"}")
        .when()
        .patch("/api/v1/articles/" + draft)
        .then()
        .statusCode(200);
    Api.admin()
        .contentType(ContentType.JSON)
        .body("{\"title\": \"Edited, still published\"}")
        .when()
        .patch("/api/v1/articles/" + draft)
        .then()
        .statusCode(200);
    assertEquals(before + 2, value(scrape(), "gazette_articles_published_total"));
  }

  @Test
  void aRejectedPublicationIsNotCounted() {
    String slug = "taken-" + Api.unique();
    ArticleFixture.draft().slug(slug).create();
    double before = value(scrape(), "gazette_articles_published_total");

    Api.admin()
        .contentType(ContentType.JSON)
        .body(ArticleFixture.published().slug(slug).body())
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(409);

    assertEquals(before, value(scrape(), "gazette_articles_published_total"));
  }

  @Test
  void postedCommentsAreCountedAndPendingOnesGaugedUntilModerated() {
    long article = ArticleFixture.published().createId();
    String before = scrape();
    double posted = value(before, "gazette_comments_posted_total");
    double pending = value(before, "gazette_comments_pending");

    long comment = CommentFixture.on(article).postId();
    String afterPost = scrape();
    assertEquals(posted + 1, value(afterPost, "gazette_comments_posted_total"));
    assertEquals(pending + 1, value(afterPost, "gazette_comments_pending"));

    CommentFixture.moderate(comment, "approved");
    String afterApproval = scrape();
    assertEquals(posted + 1, value(afterApproval, "gazette_comments_posted_total"));
    assertEquals(pending, value(afterApproval, "gazette_comments_pending"));
  }

  private static String scrape() {
    return RestAssured.given()
        .accept("text/plain")
        .when()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .contentType(containsString("text/plain"))
        .extract()
        .asString();
  }

  private static double value(String metrics, String name) {
    Matcher matcher =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$").matcher(metrics);
    assertTrue(matcher.find(), name + " is served");
    return Double.parseDouble(matcher.group(2));
  }
}
