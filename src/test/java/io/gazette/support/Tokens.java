package io.gazette.support;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Mints tokens through the API, as an admin would. */
public final class Tokens {

  private Tokens() {}

  /** Creates a token with the role and returns {id, token}. */
  public static Map<String, Object> create(String role, String expiresAt) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", role + " " + Api.unique());
    body.put("role", role);
    body.put("expiresAt", expiresAt);
    return Api.admin()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/tokens")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getMap("");
  }

  public static String secret(String role) {
    return (String) create(role, null).get("token");
  }

  public static String revokedSecret() {
    Map<String, Object> token = create("admin", null);
    Api.admin().when().delete("/api/v1/tokens/" + token.get("id")).then().statusCode(204);
    return (String) token.get("token");
  }

  /** A token whose expiry has passed: created valid, then aged in the database. */
  public static String expiredSecret() {
    Map<String, Object> token = create("admin", null);
    try (Connection db = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "")) {
      db.createStatement()
          .executeUpdate(
              "update api_token set expires_at = now() - interval '1 minute' where id = "
                  + ((Number) token.get("id")).longValue());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return (String) token.get("token");
  }
}
