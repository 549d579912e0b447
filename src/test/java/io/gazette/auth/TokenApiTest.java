package io.gazette.auth;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.gazette.support.Api;
import io.gazette.support.PostgresResource;
import io.gazette.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

@QuarkusTest
class TokenApiTest {

  @Test
  void createdTokenCarriesItsSecretOnceWithTheGzPrefix() {
    Api.admin()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "front-end preview", "role", "preview"))
        .when()
        .post("/api/v1/tokens")
        .then()
        .statusCode(201)
        .header("Location", org.hamcrest.Matchers.containsString("/api/v1/tokens/"))
        .header("Cache-Control", equalTo("no-store"))
        .body("token", startsWith("gz_"))
        .body("role", equalTo("preview"))
        .body("name", equalTo("front-end preview"))
        .body("lastUsedAt", equalTo(null));
  }

  @Test
  void listShowsMetadataButNeverSecretsOrHashes() {
    Map<String, Object> created = Tokens.create("editor", null);

    String body =
        Api.admin()
            .when()
            .get("/api/v1/tokens")
            .then()
            .statusCode(200)
            .body("data.id", hasItem(created.get("id")))
            .body("data", everyItem(not(org.hamcrest.Matchers.hasKey("token"))))
            .body("data", everyItem(not(org.hamcrest.Matchers.hasKey("tokenHash"))))
            .extract()
            .asString();
    assertFalse(body.contains((String) created.get("token")));
  }

  @Test
  void theUnpagedTokenListRefusesQueryParametersItWouldIgnore() {
    Api.admin()
        .queryParam("limit", 1)
        .when()
        .get("/api/v1/tokens")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("limit"));
  }

  @Test
  void revokedTokenIsRejectedOnTheVeryNextRequest() {
    Map<String, Object> created = Tokens.create("editor", null);
    String secret = (String) created.get("token");
    Api.withToken(secret).when().get("/api/v1/articles").then().statusCode(200);

    Api.admin().when().delete("/api/v1/tokens/" + created.get("id")).then().statusCode(204);

    Api.withToken(secret)
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", startsWith("Bearer"));
    Api.admin().when().delete("/api/v1/tokens/" + created.get("id")).then().statusCode(404);
  }

  @Test
  void revocationByAnotherInstanceTakesEffectAtOnce() throws Exception {
    Map<String, Object> created = Tokens.create("editor", null);
    String secret = (String) created.get("token");
    Api.withToken(secret).when().get("/api/v1/articles").then().statusCode(200);

    try (Connection db = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "")) {
      db.createStatement()
          .executeUpdate("update api_token set revoked_at = now() where id = " + created.get("id"));
    }

    Api.withToken(secret).when().get("/api/v1/articles").then().statusCode(401);
  }

  @Test
  void aTokensUseIsRecordedAsItsLastUseOncePerMinute() throws Exception {
    Map<String, Object> created = Tokens.create("preview", null);
    long id = ((Number) created.get("id")).longValue();
    String secret = (String) created.get("token");
    Instant before = Instant.now().minusSeconds(1);

    Api.withToken(secret).when().get("/api/v1/articles").then().statusCode(200);
    String firstUse = lastUsedAt(id);
    assertNotNull(firstUse, "lastUsedAt after the first use");
    assertFalse(Instant.parse(firstUse).isBefore(before), firstUse + " is before the use");

    Api.withToken(secret).when().get("/api/v1/articles").then().statusCode(200);
    assertEquals(firstUse, lastUsedAt(id), "a second use within the minute is not written");

    try (Connection db = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "")) {
      db.createStatement()
          .executeUpdate(
              "update api_token set last_used_at = now() - interval '2 minutes' where id = " + id);
    }
    Api.withToken(secret).when().get("/api/v1/articles").then().statusCode(200);
    assertFalse(
        Instant.parse(lastUsedAt(id)).isBefore(before), "a use a minute later is recorded again");
  }

  private static String lastUsedAt(long id) {
    List<Map<String, Object>> tokens =
        Api.admin()
            .when()
            .get("/api/v1/tokens")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("data");
    return tokens.stream()
        .filter(token -> ((Number) token.get("id")).longValue() == id)
        .map(token -> (String) token.get("lastUsedAt"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void expiredTokenIsUnauthorized() {
    Api.withToken(Tokens.expiredSecret()).when().get("/api/v1/articles").then().statusCode(401);
  }

  @Test
  void tokenWithAnExpiryWorksUntilThen() {
    String secret =
        (String)
            Tokens.create("editor", java.time.Instant.now().plusSeconds(3600).toString())
                .get("token");

    Api.withToken(secret).when().get("/api/v1/articles").then().statusCode(200);
  }

  @Test
  void lastUsableAdminTokenCannotBeRevoked() throws Exception {
    try (Connection db = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "")) {
      db.createStatement()
          .executeUpdate(
              "update api_token set revoked_at = now() where role = 'admin' and not bootstrap"
                  + " and revoked_at is null");
    }
    long bootstrapId;
    try (Connection db = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "");
        var row = db.createStatement().executeQuery("select id from api_token where bootstrap")) {
      row.next();
      bootstrapId = row.getLong(1);
    }

    Api.admin()
        .when()
        .delete("/api/v1/tokens/" + bootstrapId)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    Api.admin().when().get("/api/v1/tokens").then().statusCode(200);
  }

  @Test
  void anExpiryAfterYear9999InUtcIsRefusedAndTheLastInstantIsKeptExactly() {
    for (String time : List.of("9999-12-31T23:59:59-01:00", "2016-09-09T18:11:00.Z")) {
      Api.admin()
          .contentType(ContentType.JSON)
          .body(Map.of("name", "far future", "role", "preview", "expiresAt", time))
          .when()
          .post("/api/v1/tokens")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", equalTo(List.of("expiresAt")))
          .body(
              "errors[0].message",
              equalTo(
                  time.endsWith("-01:00")
                      ? "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z"
                      : "must be an RFC 3339 date-time or null"));
    }

    Map<String, Object> created = Tokens.create("preview", "9999-12-31T23:59:59.999999Z");

    Api.admin()
        .when()
        .get("/api/v1/tokens")
        .then()
        .statusCode(200)
        .body(
            "data.find { it.id == " + created.get("id") + " }.expiresAt",
            equalTo("9999-12-31T23:59:59.999999Z"));
    Api.withToken((String) created.get("token"))
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200);
  }

  @Test
  void invalidTokenRequestsNameEveryBadField() {
    Api.admin()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "", "role", "owner", "expiresAt", "2001-01-01T00:00:00Z"))
        .when()
        .post("/api/v1/tokens")
        .then()
        .statusCode(400)
        .body(
            "errors.field", org.hamcrest.Matchers.containsInAnyOrder("name", "role", "expiresAt"));
  }

  @Test
  void aDumpOfTheTokensTableContainsNoUsableSecret() throws Exception {
    String secret = (String) Tokens.create("admin", null).get("token");

    StringWriter dump = new StringWriter();
    try (Connection db = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "")) {
      db.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyOut("copy api_token to stdout with (format csv)", dump);
    }

    assertFalse(dump.toString().isEmpty());
    assertFalse(dump.toString().contains(secret));
    assertFalse(dump.toString().contains(secret.substring(3)));
    assertFalse(dump.toString().contains(Api.ADMIN_TOKEN));
  }

  @Test
  void aTokenNameIsLimitedInCharactersAndMustBeOneVisibleLine() {
    String emoji = "\uD83D\uDE00";

    Api.admin()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "\u00a0" + emoji.repeat(100) + "\u200b", "role", "preview"))
        .when()
        .post("/api/v1/tokens")
        .then()
        .statusCode(201)
        .body("name", equalTo(emoji.repeat(100)));
    Map<String, String> problems =
        Map.of(
            emoji.repeat(101),
            "must be at most 100 characters",
            "\u00a0\u200b",
            "is required",
            "ci\ndeploy",
            "must be a single line without control characters (such as line breaks or tabs)");
    problems.forEach(
        (name, message) ->
            Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "role", "preview"))
                .when()
                .post("/api/v1/tokens")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("name")))
                .body("errors.message", equalTo(List.of(message))));
  }
}
