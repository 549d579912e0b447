package io.gazette.common;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.gazette.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Every response names its request, so that a client's report leads to the server's log. */
@QuarkusTest
class RequestIdTest {

  private static final String UUID =
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  @Test
  void everyResponseCarriesAGeneratedRequestId() {
    String first =
        Api.anonymous().when().get("/api/v1/articles").then().extract().header("X-Request-Id");
    String second =
        Api.anonymous().when().get("/q/health/live").then().extract().header("X-Request-Id");

    org.hamcrest.MatcherAssert.assertThat(first, matchesPattern(UUID));
    org.hamcrest.MatcherAssert.assertThat(second, matchesPattern(UUID));
    assertNotEquals(first, second);
  }

  @Test
  void aSaneClientRequestIdIsKept() {
    Api.anonymous()
        .header("X-Request-Id", "edge-7f3a.9_b")
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .header("X-Request-Id", "edge-7f3a.9_b");
  }

  @Test
  void anInsaneClientRequestIdIsReplaced() {
    for (String hostile : new String[] {"a b", "<script>", "x".repeat(129), "id;drop", "ü"}) {
      String answered =
          Api.anonymous()
              .header("X-Request-Id", hostile)
              .when()
              .get("/api/v1/articles")
              .then()
              .statusCode(200)
              .extract()
              .header("X-Request-Id");
      org.hamcrest.MatcherAssert.assertThat(hostile, answered, matchesPattern(UUID));
    }
  }

  @Test
  void problemBodiesNameTheRequestId() {
    ExtractableResponse<Response> notFound =
        Api.anonymous()
            .header("X-Request-Id", "report-me-404")
            .when()
            .get("/api/v1/articles/no-such-article-anywhere")
            .then()
            .statusCode(404)
            .contentType("application/problem+json")
            .body("requestId", equalTo("report-me-404"))
            .extract();
    assertEquals("report-me-404", notFound.header("X-Request-Id"));

    Api.withToken("gz_not-a-real-token-at-all-000000")
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(401)
        .header("X-Request-Id", matchesPattern(UUID))
        .body("requestId", matchesPattern(UUID));
  }

  @Test
  void earlyRejectionsNameTheRequestIdToo() {
    byte[] huge = new byte[5 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) 'a');

    Api.admin()
        .header("X-Request-Id", "too-big-1")
        .contentType(ContentType.JSON)
        .body(huge)
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(413)
        .header("X-Request-Id", "too-big-1")
        .body("requestId", equalTo("too-big-1"));
  }
}
