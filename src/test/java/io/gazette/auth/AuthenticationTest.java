package io.gazette.auth;

import static org.hamcrest.Matchers.equalTo;

import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.gazette.support.PostgresResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthenticationTest {

  @Test
  void writeWithoutTokenIsUnauthorizedWithBearerChallenge() {
    Api.anonymous()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "x"))
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", equalTo("Bearer realm=\"gazette\""))
        .contentType("application/problem+json");
  }

  @Test
  void unknownMalformedOrNonBearerCredentialsAreUnauthorizedEvenForReads() {
    String[] headers = {
      "Bearer gz_not-a-real-token", "Bearer", "Basic YWRtaW46YWRtaW4=", "gz_no-scheme", "Bearer a b"
    };
    for (String header : headers) {
      Api.anonymous()
          .header("Authorization", header)
          .when()
          .get("/api/v1/articles/37076")
          .then()
          .statusCode(401)
          .header("WWW-Authenticate", equalTo("Bearer realm=\"gazette\""));
    }
  }

  @Test
  void previewTokenReadsDraftsButCannotWrite() throws SQLException {
    String secret = insertToken("preview", null);
    long draft = ArticleFixture.draft().createId();

    Api.withToken(secret).when().get("/api/v1/articles/" + draft).then().statusCode(200);
    Api.withToken(secret)
        .contentType(ContentType.JSON)
        .body(Map.of("title", "x"))
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void editorTokenWrites() throws SQLException {
    String secret = insertToken("editor", null);

    Api.withToken(secret)
        .contentType(ContentType.JSON)
        .body(Map.of("title", "Editor wrote this"))
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(201);
  }

  @Test
  void expiredTokenIsUnauthorized() throws SQLException {
    String secret = insertToken("admin", Instant.now().minusSeconds(60));

    Api.withToken(secret).when().get("/api/v1/articles/37076").then().statusCode(401);
  }

  @Test
  void tokensAreStoredOnlyAsHashes() throws SQLException {
    try (Connection db = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "");
        var rows = db.createStatement().executeQuery("select * from api_token")) {
      while (rows.next()) {
        for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
          String value = rows.getString(column);
          org.junit.jupiter.api.Assertions.assertFalse(
              value != null && value.contains(Api.ADMIN_TOKEN), "secret stored in clear");
        }
      }
    }
  }

  /** Stands in for the tokens endpoint (a later feature): stores a token the way Gazette does. */
  private static String insertToken(String role, Instant expiresAt) throws SQLException {
    String secret = TokenSecrets.generate();
    try (Connection db = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "");
        PreparedStatement insert =
            db.prepareStatement(
                "insert into api_token (name, role, token_hash, expires_at) values (?, ?, ?, ?)")) {
      insert.setString(1, "test " + role);
      insert.setString(2, role);
      insert.setBytes(3, TokenSecrets.hash(secret));
      insert.setObject(4, expiresAt == null ? null : java.sql.Timestamp.from(expiresAt));
      insert.executeUpdate();
    }
    return secret;
  }
}
