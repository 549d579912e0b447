package io.gazette.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.gazette.support.CommentFixture;
import io.gazette.support.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** /q/metrics serves what an operator graphs and alerts on, in Prometheus text format. */
@QuarkusTest
class MetricsTest {

  @Test
  void httpLatencyIsAHistogramPerRouteTemplate() {
    long id = ArticleFixture.published().createId();
    Api.anonymous().when().get("/api/v1/articles/" + id).then().statusCode(200);

    String metrics = Metrics.scrape();

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
  void requestsAnsweredBeforeAResourceAreLabelledByTheirRouteTemplateToo()
      throws java.io.IOException {
    String marker = "m" + Api.unique();
    // 405, OPTIONS and 411 are answered by router guards, before a resource names the route.
    Api.anonymous().post("/api/v1/articles/" + marker).then().statusCode(405);
    Api.anonymous().options("/api/v1/articles/" + marker + "/comments").then().statusCode(204);
    Api.anonymous().options("/api/v1/comments/" + marker).then().statusCode(204);
    Api.admin().delete("/api/v1/tokens/" + marker + "/").then().statusCode(404);
    // Refusals on paths no route serves.
    for (String path :
        new String[] {
          "/" + marker, "/api/v1/" + marker, "/api/v1/articles/1/comments/" + marker, "/q/" + marker
        }) {
      io.gazette.support.RawHttp.exchange(
          io.restassured.RestAssured.port,
          "GET " + path + " HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
    }
    Api.anonymous().post("/API/v1/articles/" + marker).then().statusCode(404);

    // Refusals by resources on routes without path parameters keep their route too.
    Api.anonymous().queryParam("limit", 0).get("/api/v1/articles").then().statusCode(400);

    String metrics = Metrics.scrape();

    assertTrue(
        metrics.lines().noneMatch(line -> line.contains(marker)),
        "raw paths of early answers are not labels");
    assertTrue(
        metrics
            .lines()
            .anyMatch(
                line ->
                    line.contains("uri=\"/api/v1/articles\"")
                        && line.contains("method=\"GET\"")
                        && line.contains("status=\"400\"")),
        "a 400 of the article list is labelled with its route");
    assertTrue(
        metrics
            .lines()
            .anyMatch(
                line ->
                    line.contains("uri=\"/api/v1/articles/{idOrSlug}\"")
                        && line.contains("method=\"POST\"")
                        && line.contains("status=\"405\"")),
        "the 405 is labelled with the article route");
    assertTrue(
        metrics
            .lines()
            .anyMatch(
                line ->
                    line.contains("uri=\"/api/v1/articles/{idOrSlug}/comments\"")
                        && line.contains("method=\"OPTIONS\"")),
        "OPTIONS on an article's comments is labelled with their route");
  }

  @Test
  void connectionPoolGaugesAreServed() {
    String metrics = Metrics.scrape();

    assertTrue(metrics.contains("agroal_active_count"), "active connections");
    assertTrue(metrics.contains("agroal_available_count"), "idle connections");
    assertTrue(metrics.contains("agroal_awaiting_count"), "requests waiting for a connection");
  }

  @Test
  void publishedArticlesAreCountedOnceWhenTheyBecomePublished() {
    double before = Metrics.value(Metrics.scrape(), "gazette_articles_published_total");

    ArticleFixture.published().create();
    long draft = ArticleFixture.draft().createId();
    assertEquals(before + 1, Metrics.value(Metrics.scrape(), "gazette_articles_published_total"));

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
    assertEquals(before + 2, Metrics.value(Metrics.scrape(), "gazette_articles_published_total"));
  }

  @Test
  void aRejectedPublicationIsNotCounted() {
    String slug = "taken-" + Api.unique();
    ArticleFixture.draft().slug(slug).create();
    double before = Metrics.value(Metrics.scrape(), "gazette_articles_published_total");

    Api.admin()
        .contentType(ContentType.JSON)
        .body(ArticleFixture.published().slug(slug).body())
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(409);

    assertEquals(before, Metrics.value(Metrics.scrape(), "gazette_articles_published_total"));
  }

  @Test
  void postedCommentsAreCountedAndPendingOnesGaugedUntilModerated() {
    long article = ArticleFixture.published().createId();
    String before = Metrics.scrape();
    double posted = Metrics.value(before, "gazette_comments_posted_total");
    double pending = Metrics.value(before, "gazette_comments_pending");

    long comment = CommentFixture.on(article).postId();
    String afterPost = Metrics.scrape();
    assertEquals(posted + 1, Metrics.value(afterPost, "gazette_comments_posted_total"));
    assertEquals(pending + 1, Metrics.value(afterPost, "gazette_comments_pending"));

    CommentFixture.moderate(comment, "approved");
    String afterApproval = Metrics.scrape();
    assertEquals(posted + 1, Metrics.value(afterApproval, "gazette_comments_posted_total"));
    assertEquals(pending, Metrics.value(afterApproval, "gazette_comments_pending"));
  }

  @Test
  void articleCacheHitsAndMissesAreCounted() {
    long id = ArticleFixture.published().createId();
    double hits = Metrics.cacheGets("articles", "hit");
    double misses = Metrics.cacheGets("articles", "miss");

    Api.anonymous().when().get("/api/v1/articles/" + id).then().statusCode(200);
    assertEquals(hits, Metrics.cacheGets("articles", "hit"), "the first read is a miss");
    assertTrue(Metrics.cacheGets("articles", "miss") > misses, "the first read is a miss");

    Api.anonymous().when().get("/api/v1/articles/" + id).then().statusCode(200);
    assertEquals(hits + 1, Metrics.cacheGets("articles", "hit"), "the second read is a hit");
    assertTrue(Metrics.scrape().contains("cache_size{cache=\"articles\""), "the size is served");
  }
}
