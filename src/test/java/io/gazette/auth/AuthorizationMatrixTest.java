package io.gazette.auth;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.gazette.support.CommentFixture;
import io.gazette.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint against every kind of caller: each cell asserts the exact status the contract
 * gives. Cells create their own data, so that a successful DELETE in one cell does not change
 * another.
 */
@QuarkusTest
class AuthorizationMatrixTest {

  private static final String[] CALLERS = {
    "anonymous", "preview", "editor", "admin", "revoked", "expired", "malformed"
  };

  /** One endpoint: how to call it, and the status expected for each caller. */
  private record Endpoint(String name, Call call, Map<String, Integer> expected) {}

  @FunctionalInterface
  private interface Call {
    int send(RequestSpecification request);
  }

  @TestFactory
  List<DynamicTest> everyEndpointGivesTheContractStatusToEveryCaller() {
    Map<String, Supplier<RequestSpecification>> callers = callers();
    List<DynamicTest> cells = new ArrayList<>();
    for (Endpoint endpoint : endpoints()) {
      for (String caller : CALLERS) {
        int expected = endpoint.expected().get(caller);
        cells.add(
            dynamicTest(
                endpoint.name() + " as " + caller + " is " + expected,
                () -> {
                  int actual = endpoint.call().send(callers.get(caller).get());
                  org.junit.jupiter.api.Assertions.assertEquals(
                      expected, actual, endpoint.name() + " as " + caller);
                }));
      }
    }
    return cells;
  }

  private static Map<String, Supplier<RequestSpecification>> callers() {
    String preview = Tokens.secret("preview");
    String editor = Tokens.secret("editor");
    String revoked = Tokens.revokedSecret();
    String expired = Tokens.expiredSecret();
    Map<String, Supplier<RequestSpecification>> callers = new LinkedHashMap<>();
    callers.put("anonymous", Api::anonymous);
    callers.put("preview", () -> Api.withToken(preview));
    callers.put("editor", () -> Api.withToken(editor));
    callers.put("admin", Api::admin);
    callers.put("revoked", () -> Api.withToken(revoked));
    callers.put("expired", () -> Api.withToken(expired));
    callers.put("malformed", () -> Api.anonymous().header("Authorization", "Bearer"));
    return callers;
  }

  private static long newComment() {
    return CommentFixture.on(ArticleFixture.published().createId()).postId();
  }

  private static Map<String, Integer> statuses(int anonymous, int preview, int editor, int admin) {
    return Map.of(
        "anonymous", anonymous,
        "preview", preview,
        "editor", editor,
        "admin", admin,
        "revoked", 401,
        "expired", 401,
        "malformed", 401);
  }

  private static List<Endpoint> endpoints() {
    String body = "{\"title\": \"Matrix article\"}";
    return List.of(
        new Endpoint(
            "GET /articles",
            request -> request.get("/api/v1/articles").statusCode(),
            statuses(200, 200, 200, 200)),
        new Endpoint(
            "GET /articles?status=draft",
            request -> request.queryParam("status", "draft").get("/api/v1/articles").statusCode(),
            statuses(401, 200, 200, 200)),
        new Endpoint(
            "GET /articles/{published}",
            request ->
                request
                    .get("/api/v1/articles/" + ArticleFixture.published().createId())
                    .statusCode(),
            statuses(200, 200, 200, 200)),
        new Endpoint(
            "GET /articles/{draft}",
            request ->
                request.get("/api/v1/articles/" + ArticleFixture.draft().createId()).statusCode(),
            statuses(404, 200, 200, 200)),
        new Endpoint(
            "POST /articles",
            request ->
                request
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/articles")
                    .statusCode(),
            statuses(401, 403, 201, 201)),
        new Endpoint(
            "PUT /articles/{id}",
            request ->
                request
                    .contentType(ContentType.JSON)
                    .body(body)
                    .put("/api/v1/articles/" + ArticleFixture.draft().createId())
                    .statusCode(),
            statuses(401, 403, 200, 200)),
        new Endpoint(
            "PATCH /articles/{id}",
            request ->
                request
                    .contentType("application/merge-patch+json")
                    .body(body)
                    .patch("/api/v1/articles/" + ArticleFixture.draft().createId())
                    .statusCode(),
            statuses(401, 403, 200, 200)),
        new Endpoint(
            "DELETE /articles/{id}",
            request ->
                request
                    .delete("/api/v1/articles/" + ArticleFixture.draft().createId())
                    .statusCode(),
            statuses(401, 403, 204, 204)),
        new Endpoint(
            "GET /tokens",
            request -> request.get("/api/v1/tokens").statusCode(),
            statuses(401, 403, 403, 200)),
        new Endpoint(
            "POST /tokens",
            request ->
                request
                    .contentType(ContentType.JSON)
                    .body("{\"name\": \"matrix\", \"role\": \"preview\"}")
                    .post("/api/v1/tokens")
                    .statusCode(),
            statuses(401, 403, 403, 201)),
        new Endpoint(
            "DELETE /tokens/{id}",
            request ->
                request
                    .delete("/api/v1/tokens/" + Tokens.create("preview", null).get("id"))
                    .statusCode(),
            statuses(401, 403, 403, 204)),
        new Endpoint(
            "GET /articles/{published}/comments",
            request ->
                request
                    .get(CommentFixture.path(ArticleFixture.published().createId()))
                    .statusCode(),
            statuses(200, 200, 200, 200)),
        new Endpoint(
            "GET /articles/{draft}/comments",
            request ->
                request.get(CommentFixture.path(ArticleFixture.draft().createId())).statusCode(),
            statuses(404, 200, 200, 200)),
        new Endpoint(
            "POST /articles/{published}/comments",
            request ->
                request
                    .contentType(ContentType.JSON)
                    .body(CommentFixture.on(0).fields())
                    .post(CommentFixture.path(ArticleFixture.published().createId()))
                    .statusCode(),
            statuses(201, 403, 201, 201)),
        new Endpoint(
            "POST /articles/{draft}/comments",
            request ->
                request
                    .contentType(ContentType.JSON)
                    .body(CommentFixture.on(0).fields())
                    .post(CommentFixture.path(ArticleFixture.draft().createId()))
                    .statusCode(),
            statuses(404, 403, 201, 201)),
        new Endpoint(
            "GET /comments",
            request -> request.get("/api/v1/comments").statusCode(),
            statuses(401, 200, 200, 200)),
        new Endpoint(
            "GET /comments/{id}",
            request -> request.get("/api/v1/comments/" + newComment()).statusCode(),
            statuses(401, 200, 200, 200)),
        new Endpoint(
            "PATCH /comments/{id}",
            request ->
                request
                    .contentType("application/merge-patch+json")
                    .body("{\"status\": \"approved\"}")
                    .patch("/api/v1/comments/" + newComment())
                    .statusCode(),
            statuses(401, 403, 200, 200)),
        new Endpoint(
            "DELETE /comments/{id}",
            request -> request.delete("/api/v1/comments/" + newComment()).statusCode(),
            statuses(401, 403, 204, 204)),
        new Endpoint(
            "POST /import (empty)",
            request ->
                request
                    .contentType("application/x-ndjson")
                    .body(new byte[0])
                    .post("/api/v1/import")
                    .statusCode(),
            statuses(401, 403, 403, 200)),
        new Endpoint(
            "GET /export",
            request -> request.accept("*/*").get("/api/v1/export").statusCode(),
            statuses(401, 403, 403, 200)),
        new Endpoint(
            "GET /audit",
            request -> request.get("/api/v1/audit").statusCode(),
            statuses(401, 403, 403, 200)));
  }
}
