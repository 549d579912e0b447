package io.gazette.comment;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.gazette.support.CommentFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The email address is never published: after comments are posted, no anonymous response (body or
 * header, success or problem) contains it.
 */
@QuarkusTest
class CommentEmailPrivacyTest {

  @Test
  void noAnonymousResponseAnywhereContainsACommentersEmail() {
    String marker = "secret-" + Api.unique();
    String email = marker + "@private.example";
    String tag = "privacy-" + Api.unique();
    String slug = "privacy-" + Api.unique();
    long article = ArticleFixture.published().slug(slug).tags(tag).createId();
    long closed = ArticleFixture.published().tags(tag).with("commentsOpen", false).createId();
    long draft = ArticleFixture.draft().tags(tag).createId();

    List<String> leaks = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    Checker check =
        (name, response) -> {
          checked.add(name);
          String body = response.asString().toLowerCase(Locale.ROOT);
          if (body.contains(marker)) {
            leaks.add(name + ": body");
          }
          for (Header header : response.getHeaders()) {
            if (header.getValue().toLowerCase(Locale.ROOT).contains(marker)) {
              leaks.add(name + ": header " + header.getName());
            }
          }
        };
    Supplier<Map<String, Object>> comment = () -> CommentFixture.on(article).email(email).fields();

    // Posting: every anonymous write and its problems.
    Response top = post(article, comment.get());
    check.on("POST comment", top);
    long topId = top.jsonPath().getLong("id");
    CommentFixture.moderate(topId, "approved");
    Map<String, Object> reply = comment.get();
    reply.put("parentId", topId);
    Response replied = post(slug, reply);
    check.on("POST reply by slug", replied);
    CommentFixture.moderate(replied.jsonPath().getLong("id"), "approved");
    check.on("POST pending", post(article, comment.get()));
    Map<String, Object> badParent = comment.get();
    badParent.put("parentId", Long.MAX_VALUE);
    check.on("POST bad parent (400)", post(article, badParent));
    Map<String, Object> invalid = comment.get();
    invalid.put("authorUrl", "mailto:" + email);
    invalid.put("body", "");
    check.on("POST invalid fields (400)", post(article, invalid));
    Map<String, Object> unknown = comment.get();
    unknown.put("email", email);
    check.on("POST unknown field (400)", post(article, unknown));
    check.on("POST closed (403)", post(closed, comment.get()));
    check.on("POST draft (404)", post(draft, comment.get()));
    check.on(
        "POST malformed (400)",
        Api.anonymous()
            .contentType(ContentType.JSON)
            .body("{\"authorEmail\": \"" + email + "\", ")
            .post(CommentFixture.path(article)));

    // Reading articles.
    check.on("GET article by id", Api.anonymous().get("/api/v1/articles/" + article));
    check.on("GET article by slug", Api.anonymous().get("/api/v1/articles/" + slug));
    check.on("GET articles", Api.anonymous().get("/api/v1/articles"));
    check.on("GET articles by tag", Api.anonymous().queryParam("tag", tag).get("/api/v1/articles"));
    check.on(
        "GET articles with every field",
        Api.anonymous()
            .queryParam("tag", tag)
            .queryParam("fields", "id,body,bodyHtml,commentCount")
            .get("/api/v1/articles"));
    check.on(
        "GET articles page 1",
        Api.anonymous().queryParam("page", 1).queryParam("limit", 100).get("/api/v1/articles"));
    check.on(
        "GET articles searching the email",
        Api.anonymous().queryParam("q", marker).get("/api/v1/articles"));
    check.on("GET draft (404)", Api.anonymous().get("/api/v1/articles/" + draft));

    // Reading comments: both pagings, by id and slug, and their problems.
    check.on("GET comments", Api.anonymous().get(CommentFixture.path(article)));
    check.on("GET comments by slug", Api.anonymous().get(CommentFixture.path(slug)));
    check.on(
        "GET comments page",
        Api.anonymous().queryParam("page", 1).get(CommentFixture.path(article)));
    String cursor = null;
    do {
      var request = Api.anonymous().queryParam("limit", 1);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      Response page = request.get(CommentFixture.path(article));
      check.on("GET comments cursor page", page);
      cursor = page.jsonPath().getString("meta.nextCursor");
    } while (cursor != null);
    check.on("GET comments of closed", Api.anonymous().get(CommentFixture.path(closed)));
    check.on("GET comments of draft (404)", Api.anonymous().get(CommentFixture.path(draft)));
    check.on(
        "GET comments bad limit (400)",
        Api.anonymous().queryParam("limit", 0).get(CommentFixture.path(article)));

    // Moderation endpoints refuse anonymous callers without revealing anything.
    check.on("GET queue (401)", Api.anonymous().get("/api/v1/comments"));
    check.on(
        "GET queue filtered (401)",
        Api.anonymous().queryParam("status", "any").get("/api/v1/comments"));
    check.on("GET comment (401)", Api.anonymous().get("/api/v1/comments/" + topId));
    check.on(
        "PATCH comment (401)",
        Api.anonymous()
            .contentType("application/merge-patch+json")
            .body(Map.of("status", "approved"))
            .patch("/api/v1/comments/" + topId));
    check.on("DELETE comment (401)", Api.anonymous().delete("/api/v1/comments/" + topId));

    assertThat(checked.size(), greaterThan(25));
    assertThat("responses that leaked the email", leaks, empty());
    Api.anonymous().when().get(CommentFixture.path(article)).then().body("data.size()", equalTo(2));
    // The check can find the email where it is allowed: moderators see it.
    Api.admin()
        .when()
        .get("/api/v1/comments/" + topId)
        .then()
        .statusCode(200)
        .body(containsString(email));
  }

  private static Response post(Object article, Map<String, Object> body) {
    return Api.anonymous()
        .contentType(ContentType.JSON)
        .body(body)
        .post(CommentFixture.path(article));
  }

  @FunctionalInterface
  private interface Checker {
    void on(String name, Response response);
  }
}
