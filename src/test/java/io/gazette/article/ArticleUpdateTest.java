package io.gazette.article;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.gazette.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleUpdateTest {

  /** Rest Assured sends other types than application/json as ISO-8859-1 unless told. */
  private static final String UTF8_MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

  @Test
  void aNumberTooLargeForADoubleIsRefusedNotStoredAsInfinity() {
    long id = ArticleFixture.draft().title("Finite").createId();

    for (String patch : new String[] {"{\"title\":1e999999}", "{\"tags\":[-1e999999]}"}) {
      Api.admin()
          .contentType("application/merge-patch+json")
          .body(patch)
          .patch("/api/v1/articles/" + id)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    Api.admin().get("/api/v1/articles/" + id).then().body("title", equalTo("Finite"));
  }

  @Test
  void putReplacesEveryWritableFieldAndKeepsTheSlug() {
    ExtractableResponse<Response> created =
        ArticleFixture.draft()
            .tags("old")
            .with("summary", "Old summary")
            .with("author", "Old Author")
            .create();
    int id = created.path("id");

    Api.admin()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "Replaced title", "body", "New body"))
        .when()
        .put("/api/v1/articles/" + id)
        .then()
        .statusCode(200)
        .body("title", equalTo("Replaced title"))
        .body("slug", equalTo(created.path("slug")))
        .body("summary", equalTo("New body"))
        .body("author", nullValue())
        .body("tags", equalTo(List.of()))
        .body("status", equalTo("draft"))
        .body("version", equalTo(2));
  }

  @Test
  void patchAppliesAJsonMergePatch() {
    ExtractableResponse<Response> created =
        ArticleFixture.draft().tags("keep").with("author", "Someone").create();
    String slug = created.path("slug");

    Api.admin()
        .contentType("application/merge-patch+json")
        .body("{\"author\": null, \"status\": \"published\", \"title\": \"Patched\"}")
        .when()
        .patch("/api/v1/articles/" + slug)
        .then()
        .statusCode(200)
        .body("title", equalTo("Patched"))
        .body("author", nullValue())
        .body("tags", equalTo(List.of("keep")))
        .body("status", equalTo("published"))
        .body("publishedAt", not(nullValue()))
        .body("version", equalTo(2));
  }

  /** A word no other article contains: letters only, so that the search parser keeps it whole. */
  private static String uniqueWord() {
    StringBuilder word = new StringBuilder("zyx");
    for (char c : Api.unique().toCharArray()) {
      word.append((char) ('a' + Character.digit(c, 16)));
    }
    return word.toString();
  }

  private static List<Long> searchIds(String q) {
    return Api.anonymous()
        .queryParam("q", q)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("data.id", Long.class);
  }

  @Test
  void searchFollowsEveryEditOfTitleSummaryAndBody() {
    String old = uniqueWord();
    String fresh = uniqueWord();
    long id =
        ArticleFixture.published()
            .title("Report " + old)
            .with("body", "A paragraph about " + old + ".")
            .createId();
    assertEquals(List.of(id), searchIds(old));

    for (String field : List.of("title", "summary", "body")) {
      String word = fresh + field.charAt(0);
      Api.admin()
          .contentType("application/merge-patch+json")
          .body(Map.of(field, "Now about " + word))
          .patch("/api/v1/articles/" + id)
          .then()
          .statusCode(200);
      assertEquals(List.of(id), searchIds(word), "after a new " + field);
    }
    assertEquals(List.of(), searchIds(old));

    // An edit of anything else keeps the vector, which still matches what is stored.
    Api.admin()
        .contentType("application/merge-patch+json")
        .body(Map.of("tags", List.of("kept")))
        .patch("/api/v1/articles/" + id)
        .then()
        .statusCode(200);
    assertEquals(List.of(id), searchIds(fresh + "b"));
    assertEquals(
        0,
        Sql.number(
            "select count(*) from article where id = ?"
                + " and search is distinct from article_search_vector(title, summary, body)",
            id));
  }

  @Test
  void patchAcceptsPlainJsonAsTheSameMergePatch() {
    long id = ArticleFixture.draft().createId();

    Api.admin()
        .contentType(ContentType.JSON)
        .body(Map.of("tags", List.of("a", "b")))
        .when()
        .patch("/api/v1/articles/" + id)
        .then()
        .statusCode(200)
        .body("tags", equalTo(List.of("a", "b")));
  }

  @Test
  void patchThatBreaksAFieldIsRejectedAndChangesNothing() {
    ExtractableResponse<Response> created = ArticleFixture.draft().create();
    int id = created.path("id");

    Api.admin()
        .contentType("application/merge-patch+json")
        .body("{\"title\": null, \"unknown\": 1}")
        .when()
        .patch("/api/v1/articles/" + id)
        .then()
        .statusCode(400)
        .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("title", "unknown"));
    Api.admin()
        .when()
        .get("/api/v1/articles/" + id)
        .then()
        .body("title", equalTo(created.path("title")))
        .body("version", equalTo(1));
  }

  @Test
  void staleIfMatchIsRejectedWith412AndChangesNothing() {
    ExtractableResponse<Response> created = ArticleFixture.draft().create();
    int id = created.path("id");
    String firstTag = created.header("ETag");
    Api.admin()
        .contentType("application/merge-patch+json")
        .header("If-Match", firstTag)
        .body("{\"title\": \"Second\"}")
        .when()
        .patch("/api/v1/articles/" + id)
        .then()
        .statusCode(200);

    for (String method : new String[] {"PATCH", "PUT", "DELETE"}) {
      Api.admin()
          .contentType(ContentType.JSON)
          .header("If-Match", firstTag)
          .body("{\"title\": \"Lost update\"}")
          .when()
          .request(method, "/api/v1/articles/" + id)
          .then()
          .statusCode(412)
          .contentType("application/problem+json");
    }
    Api.admin()
        .when()
        .get("/api/v1/articles/" + id)
        .then()
        .statusCode(200)
        .body("title", equalTo("Second"))
        .body("version", equalTo(2));
  }

  @Test
  void ifUnmodifiedSinceAndIfNoneMatchGuardWritesAsIfMatchDoes() {
    ExtractableResponse<Response> created = ArticleFixture.draft().create();
    int id = created.path("id");
    String lastModified = created.header("Last-Modified");
    String anHourBefore =
        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            java.time.ZonedDateTime.parse(
                    lastModified, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                .minusHours(1));
    String[][] failing = {
      {"If-Unmodified-Since", anHourBefore},
      {"If-Unmodified-Since", "Saturday, 01-Jan-00 00:00:00 GMT"},
      {"If-Unmodified-Since", "Sat Jan  1 00:00:00 2000"},
      {"If-None-Match", "*"},
      {"If-None-Match", created.header("ETag")},
      {"If-None-Match", Api.admin().get("/api/v1/articles/" + id + "?fields=id").header("ETag")}
    };
    for (String[] header : failing) {
      for (String method : new String[] {"PATCH", "PUT", "DELETE"}) {
        Api.admin()
            .contentType(ContentType.JSON)
            .header(header[0], header[1])
            .body("{\"title\": \"Lost update\"}")
            .when()
            .request(method, "/api/v1/articles/" + id)
            .then()
            .statusCode(412)
            .contentType("application/problem+json");
      }
    }
    Api.admin().get("/api/v1/articles/" + id).then().statusCode(200).body("version", equalTo(1));
    // Unchanged since, a tag that is not current, and a date that is no HTTP-date all let it pass.
    Api.admin()
        .contentType(ContentType.JSON)
        .header("If-Unmodified-Since", lastModified)
        .header("If-None-Match", "\"not-the-tag\"")
        .body("{\"title\": \"Kept\"}")
        .when()
        .patch("/api/v1/articles/" + id)
        .then()
        .statusCode(200)
        .body("title", equalTo("Kept"));
    Api.admin()
        .contentType(ContentType.JSON)
        .header("If-Unmodified-Since", "yesterday")
        .body("{\"title\": \"Kept again\"}")
        .when()
        .patch("/api/v1/articles/" + id)
        .then()
        .statusCode(200);
  }

  @Test
  void readsHonourIfMatchAndIfUnmodifiedSinceButNotIfModifiedSince() {
    long id = ArticleFixture.published().createId();
    for (int read = 0; read < 2; read++) { // the second read is served from the cache
      Response full = Api.anonymous().get("/api/v1/articles/" + id);
      String lastModified = full.header("Last-Modified");
      // Not answered: Last-Modified does not follow the comment count, which the body carries.
      Api.anonymous()
          .header("If-Modified-Since", lastModified)
          .get("/api/v1/articles/" + id)
          .then()
          .statusCode(200);
      Api.anonymous()
          .header("If-Unmodified-Since", "Sat, 01 Jan 2000 00:00:00 GMT")
          .get("/api/v1/articles/" + id)
          .then()
          .statusCode(412);
      Api.anonymous()
          .header("If-Match", "\"other\"")
          .get("/api/v1/articles/" + id)
          .then()
          .statusCode(412)
          .contentType("application/problem+json");
      Api.anonymous()
          .header("If-Match", full.header("ETag"))
          .get("/api/v1/articles/" + id)
          .then()
          .statusCode(200);
    }
  }

  @Test
  void currentIfMatchAllowsTheWriteAndTheEtagChanges() {
    ExtractableResponse<Response> created = ArticleFixture.draft().create();

    String newTag =
        Api.admin()
            .contentType(ContentType.JSON)
            .header("If-Match", created.header("ETag"))
            .body(Map.of("title", "Fresh"))
            .when()
            .put("/api/v1/articles/" + created.path("id"))
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    org.junit.jupiter.api.Assertions.assertNotEquals(created.header("ETag"), newTag);
  }

  @Test
  void aWriteThatChangesNothingKeepsTheVersion() {
    ExtractableResponse<Response> created = ArticleFixture.draft().create();

    Api.admin()
        .contentType("application/merge-patch+json")
        .body("{\"title\": \"" + created.path("title") + "\"}")
        .when()
        .patch("/api/v1/articles/" + created.path("id"))
        .then()
        .statusCode(200)
        .body("version", equalTo(1))
        .body("updatedAt", equalTo(created.path("updatedAt")));
  }

  @Test
  void republishingKeepsTheOriginalPublicationTime() {
    ExtractableResponse<Response> created =
        ArticleFixture.published().with("publishedAt", "2020-01-01T00:00:00Z").create();
    int id = created.path("id");

    Api.admin()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "Edited", "status", "published"))
        .when()
        .put("/api/v1/articles/" + id)
        .then()
        .statusCode(200)
        .body("publishedAt", equalTo("2020-01-01T00:00:00Z"));
  }

  @Test
  void deletedArticleIsGoneForReaders() {
    long id = ArticleFixture.published().createId();

    Api.admin().when().delete("/api/v1/articles/" + id).then().statusCode(204);

    Api.anonymous().when().get("/api/v1/articles/" + id).then().statusCode(404);
    Api.admin().when().get("/api/v1/articles/" + id).then().statusCode(404);
    Api.admin().when().delete("/api/v1/articles/" + id).then().statusCode(404);
  }

  @Test
  void writesToAMissingArticleAreNotFound() {
    Api.admin()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "x"))
        .when()
        .put("/api/v1/articles/no-such-article-" + Api.unique())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void aBlankSlugInAPatchOrPutKeepsTheSlugAndAPaddedOneIsTrimmed() {
    ExtractableResponse<Response> created = ArticleFixture.draft().create();
    int id = created.path("id");
    String slug = created.path("slug");

    for (String blank : List.of("", " ", "\u00a0")) {
      Api.admin()
          .contentType(UTF8_MERGE_PATCH)
          .body(Map.of("slug", blank))
          .when()
          .patch("/api/v1/articles/" + id)
          .then()
          .statusCode(200)
          .body("slug", equalTo(slug))
          .body("version", equalTo(1));
      Api.admin()
          .contentType(ContentType.JSON)
          .body(Map.of("title", created.path("title"), "slug", blank, "body", created.path("body")))
          .when()
          .put("/api/v1/articles/" + id)
          .then()
          .statusCode(200)
          .body("slug", equalTo(slug))
          .body("version", equalTo(1));
    }
    Api.admin()
        .contentType(UTF8_MERGE_PATCH)
        .body(Map.of("slug", " " + slug + "-renamed "))
        .when()
        .patch("/api/v1/articles/" + id)
        .then()
        .statusCode(200)
        .body("slug", equalTo(slug + "-renamed"));
  }

  @Test
  void aPatchedTitleIsLimitedInCharactersNotUtf16Units() {
    int id = ArticleFixture.draft().create().path("id");
    String emoji = "\uD83D\uDE00";

    Api.admin()
        .contentType(UTF8_MERGE_PATCH)
        .body(Map.of("title", emoji.repeat(300)))
        .when()
        .patch("/api/v1/articles/" + id)
        .then()
        .statusCode(200)
        .body("title", equalTo(emoji.repeat(300)));
    Api.admin()
        .contentType(UTF8_MERGE_PATCH)
        .body(Map.of("title", "\u00a0\u00a0"))
        .when()
        .patch("/api/v1/articles/" + id)
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("title")))
        .body("errors.message", equalTo(List.of("is required")));
  }
}
