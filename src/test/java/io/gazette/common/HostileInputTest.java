package io.gazette.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.gazette.support.PostgresResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Injection strings and path tricks never reach SQL or a weaker rule. */
@QuarkusTest
class HostileInputTest {

  static final List<String> INJECTIONS =
      List.of(
          "' OR 1=1--",
          "1;DROP TABLE article",
          "'; DROP TABLE api_token; --",
          "%00",
          "\\x00",
          "${jndi:ldap://127.0.0.1/a}",
          "<script>alert(1)</script>",
          "1 UNION SELECT token_hash FROM api_token",
          "../../etc/passwd",
          "x".repeat(10_000));

  static final List<String> PARAMETERS =
      List.of(
          "limit",
          "cursor",
          "page",
          "sort",
          "tag",
          "author",
          "source",
          "publishedAfter",
          "publishedBefore",
          "q",
          "status",
          "fields");

  @Test
  void injectionStringsInEveryQueryParameterAreHarmless() throws Exception {
    long articlesBefore = count("article");
    for (String parameter : PARAMETERS) {
      for (String value : INJECTIONS) {
        for (var caller : List.of(Api.anonymous(), Api.admin())) {
          Response response = caller.queryParam(parameter, value).get("/api/v1/articles");
          int status = response.statusCode();
          assertTrue(
              status == 200 || status == 400 || status == 401,
              parameter
                  + "="
                  + value.substring(0, Math.min(40, value.length()))
                  + " gave "
                  + status);
          if (status != 200) {
            assertEquals("application/problem+json", response.contentType());
          }
        }
      }
    }
    assertEquals(articlesBefore, count("article"));
    assertTrue(count("api_token") > 0);
  }

  @Test
  void privateFieldsCannotBeSelectedSortedOrFilteredOn() {
    for (String field :
        List.of("tokenHash", "token_hash", "authorEmail", "author_email", "body_html")) {
      Api.admin()
          .queryParam("fields", "id," + field)
          .get("/api/v1/articles")
          .then()
          .statusCode(400);
      Api.admin().queryParam("sort", field).get("/api/v1/articles").then().statusCode(400);
      Api.admin().queryParam(field, "x").get("/api/v1/articles").then().statusCode(400);
    }
  }

  @Test
  void pathVariantsNeverReachAWeakerRule() {
    String draftSlug = ArticleFixture.draft().create().path("slug");
    String encodedSlug = draftSlug.replace("-", "%2D").replaceFirst("t", "%74");

    for (String path :
        List.of(
            "/api/v1/articles/" + draftSlug + "/",
            "//api/v1/articles/" + draftSlug,
            "/api/v1//articles/" + draftSlug,
            "/api/v1/articles/" + encodedSlug,
            "/API/V1/ARTICLES/" + draftSlug,
            "/api/v1/articles/" + draftSlug + ";x=1",
            "/api/v1/articles/" + draftSlug + "%20")) {
      int status = Api.anonymous().urlEncodingEnabled(false).get(path).statusCode();
      assertEquals(404, status, path);
    }
    for (String path :
        List.of(
            "/api/v1/articles/", "//api/v1/articles", "/api/v1/articles%2F", "/API/V1/ARTICLES")) {
      int status =
          Api.anonymous()
              .urlEncodingEnabled(false)
              .contentType("application/json")
              .body("{\"title\": \"sneaky\"}")
              .post(path)
              .statusCode();
      assertTrue(status == 401 || status == 404 || status == 405, path + " gave " + status);
    }
    for (String path :
        List.of("/api/v1/tokens/", "//api/v1/tokens", "/api/v1/audit/", "/api/v1//audit")) {
      int status = Api.anonymous().urlEncodingEnabled(false).get(path).statusCode();
      assertTrue(status == 401 || status == 404, path + " gave " + status);
    }
  }

  @Test
  void aSlugPostgresCannotStoreNamesNoArticle() {
    for (String path :
        List.of(
            "/api/v1/articles/a%00b",
            "/api/v1/articles/%00",
            "/api/v1/articles/a%00b/comments",
            "/api/v1/articles/%00/comments")) {
      Api.admin()
          .urlEncodingEnabled(false)
          .get(path)
          .then()
          .statusCode(404)
          .contentType("application/problem+json");
    }
  }

  private static long count(String table) throws Exception {
    try (Connection db = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "");
        ResultSet result = db.createStatement().executeQuery("select count(*) from " + table)) {
      result.next();
      return result.getLong(1);
    }
  }
}
