package io.gazette.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.gazette.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditLogTest {

  @Test
  void everyWriteIsRecordedWithWhoWhatAndResult() {
    Map<String, Object> editor = Tokens.create("editor", null);
    String secret = (String) editor.get("token");
    int id =
        Api.withToken(secret)
            .contentType(ContentType.JSON)
            .body(Map.of("title", "Audited " + Api.unique()))
            .post("/api/v1/articles")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.withToken(secret)
        .contentType("application/merge-patch+json")
        .body("{\"title\": \"\"}")
        .patch("/api/v1/articles/" + id)
        .then()
        .statusCode(400);
    Api.withToken(secret).delete("/api/v1/articles/" + id).then().statusCode(204);

    JsonPath audit =
        Api.admin()
            .queryParam("limit", 100)
            .get("/api/v1/audit")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> mine =
        audit.<Map<String, Object>>getList("data").stream()
            .filter(entry -> editor.get("id").equals(entry.get("tokenId")))
            .toList();

    org.junit.jupiter.api.Assertions.assertEquals(3, mine.size(), mine.toString());
    Map<String, Object> delete = mine.get(0);
    Map<String, Object> failedPatch = mine.get(1);
    Map<String, Object> create = mine.get(2);
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of("DELETE", 204, String.valueOf(id)),
        List.of(delete.get("method"), delete.get("status"), delete.get("resourceId")));
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of("PATCH", 400), List.of(failedPatch.get("method"), failedPatch.get("status")));
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of("POST", 201, String.valueOf(id), "/api/v1/articles"),
        List.of(
            create.get("method"),
            create.get("status"),
            create.get("resourceId"),
            create.get("path")));
    org.junit.jupiter.api.Assertions.assertEquals(editor.get("name"), create.get("tokenName"));
  }

  @Test
  void auditLogPagesNewestFirstWithACursor() {
    for (int i = 0; i < 3; i++) {
      ArticleFixture.draft().createId();
    }

    var first = Api.admin().queryParam("limit", 2).get("/api/v1/audit");
    first
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(2))
        .body("meta.nextCursor", notNullValue())
        .header(
            "Link",
            equalTo(
                "</api/v1/audit?limit=2&cursor="
                    + first.path("meta.nextCursor")
                    + ">; rel=\"next\""));
    List<Integer> firstIds = first.path("data.id");
    var second =
        Api.admin()
            .queryParam("limit", 2)
            .queryParam("cursor", (String) first.path("meta.nextCursor"))
            .get("/api/v1/audit");
    List<Integer> secondIds = second.path("data.id");

    org.junit.jupiter.api.Assertions.assertTrue(firstIds.get(0) > firstIds.get(1));
    org.junit.jupiter.api.Assertions.assertTrue(firstIds.get(1) > secondIds.get(0));
  }

  @Test
  void aCursorWithContentTheServerNeverWritesIsABadParameter() {
    String forged =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("-id\n5\nextra".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Api.admin()
        .queryParam("cursor", forged)
        .get("/api/v1/audit")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("cursor"));
  }

  @Test
  void aWriteToAPathHoldingNulIsNotFoundAndStillRecorded() {
    Map<String, Object> editor = Tokens.create("editor", null);
    String secret = (String) editor.get("token");

    Api.withToken(secret)
        .urlEncodingEnabled(false)
        .contentType(ContentType.JSON)
        .body("{}")
        .patch("/api/v1/comments/a%00b")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    Api.withToken(secret)
        .urlEncodingEnabled(false)
        .delete("/api/v1/articles/a%00b")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");

    List<Map<String, Object>> mine = entriesOf(editor.get("id"));
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of(List.of("DELETE", 404, "a\uFFFDb"), List.of("PATCH", 404, "a\uFFFDb")),
        mine.stream()
            .map(
                entry -> List.of(entry.get("method"), entry.get("status"), entry.get("resourceId")))
            .toList());
  }

  @Test
  void aValueTheDatabaseRefusesIsRecordedWithTheStatusTheClientGot() {
    Map<String, Object> editor = Tokens.create("editor", null);
    String secret = (String) editor.get("token");
    long id = ArticleFixture.draft().createId();

    Api.withToken(secret)
        .contentType(ContentType.JSON)
        .body("{\"title\": \"Before the calendar\", \"publishedAt\": \"-4714-11-24T00:00:00Z\"}")
        .put("/api/v1/articles/" + id)
        .then()
        .statusCode(400);

    List<Map<String, Object>> mine = entriesOf(editor.get("id"));
    org.junit.jupiter.api.Assertions.assertEquals(1, mine.size(), mine.toString());
    org.junit.jupiter.api.Assertions.assertEquals(400, mine.get(0).get("status"));
  }

  /** The audit entries of writes made with the token, newest first. */
  private static List<Map<String, Object>> entriesOf(Object tokenId) {
    return Api.admin()
        .queryParam("limit", 100)
        .get("/api/v1/audit")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .<Map<String, Object>>getList("data")
        .stream()
        .filter(entry -> tokenId.equals(entry.get("tokenId")))
        .toList();
  }
}
