package io.gazette.comment;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.gazette.auth.TokenSecrets;
import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.gazette.support.CommentFixture;
import io.gazette.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CommentModerationTest {

  private static final String MERGE_PATCH = "application/merge-patch+json";

  private static RequestSpecification patching(Object body) {
    return Api.admin().contentType(MERGE_PATCH).body(body);
  }

  private static String comment(long id) {
    return "/api/v1/comments/" + id;
  }

  @Test
  void moderationNeedsAToken() {
    long article = ArticleFixture.published().createId();
    long id = CommentFixture.on(article).postId();

    Api.anonymous()
        .when()
        .get("/api/v1/comments")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", startsWith("Bearer"))
        .contentType("application/problem+json");
    Api.anonymous().when().get(comment(id)).then().statusCode(401);
    Api.anonymous()
        .contentType(MERGE_PATCH)
        .body(Map.of("status", "approved"))
        .when()
        .patch(comment(id))
        .then()
        .statusCode(401);
    Api.anonymous().when().delete(comment(id)).then().statusCode(401);

    Api.admin().when().get(comment(id)).then().statusCode(200).body("status", equalTo("pending"));
    // Reads evaluate If-Match and If-Unmodified-Since too.
    Api.admin().header("If-Match", "\"stale\"").when().get(comment(id)).then().statusCode(412);
    Api.admin()
        .header("If-Unmodified-Since", "Sat, 01 Jan 2000 00:00:00 GMT")
        .when()
        .get(comment(id))
        .then()
        .statusCode(412);
    String etag = Api.admin().when().get(comment(id)).header("ETag");
    Api.admin().header("If-Match", etag).when().get(comment(id)).then().statusCode(200);
  }

  @Test
  void aPreviewTokenReadsTheQueueButMayNotModerate() {
    String secret = TokenSecrets.generate();
    Sql.update(
        "insert into api_token (name, role, token_hash) values (?, 'preview', ?)",
        "preview " + Api.unique(),
        TokenSecrets.hash(secret));
    long article = ArticleFixture.published().createId();
    long id = CommentFixture.on(article).postId();

    Api.withToken(secret).when().get("/api/v1/comments").then().statusCode(200);
    Api.withToken(secret).when().get(comment(id)).then().statusCode(200);
    Api.withToken(secret)
        .contentType(MERGE_PATCH)
        .body(Map.of("status", "approved"))
        .when()
        .patch(comment(id))
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    Api.withToken(secret).when().delete(comment(id)).then().statusCode(403);
  }

  @Test
  void theQueueListsPendingCommentsNewestFirstByDefault() {
    long article = ArticleFixture.published().createId();
    long older = CommentFixture.on(article).postId();
    CommentFixture.on(article).postApproved();
    long spam = CommentFixture.on(article).postId();
    CommentFixture.moderate(spam, "spam");
    long newer = CommentFixture.on(article).postId();

    Api.admin()
        .queryParam("articleId", article)
        .when()
        .get("/api/v1/comments")
        .then()
        .statusCode(200)
        .header("Cache-Control", "private, no-store")
        .body("data.id", contains((int) newer, (int) older))
        .body("data.status", contains("pending", "pending"));
  }

  @Test
  void theQueueFiltersByStatusOrShowsAny() {
    long article = ArticleFixture.published().createId();
    long pending = CommentFixture.on(article).postId();
    long approved = CommentFixture.on(article).postApproved();
    long spam = CommentFixture.on(article).postId();
    CommentFixture.moderate(spam, "spam");
    long trash = CommentFixture.on(article).postId();
    CommentFixture.moderate(trash, "trash");

    Map<String, Long> byStatus =
        Map.of("pending", pending, "approved", approved, "spam", spam, "trash", trash);
    byStatus.forEach(
        (status, id) ->
            Api.admin()
                .queryParam("articleId", article)
                .queryParam("status", status)
                .when()
                .get("/api/v1/comments")
                .then()
                .statusCode(200)
                .body("data.id", contains(id.intValue())));
    Api.admin()
        .queryParam("articleId", article)
        .queryParam("status", "any")
        .when()
        .get("/api/v1/comments")
        .then()
        .statusCode(200)
        .body("data.id", contains((int) trash, (int) spam, (int) approved, (int) pending));
  }

  @Test
  void theNextPageLinkOfAQueueAskedWithoutParametersIsAPlainQuery() {
    long article = ArticleFixture.published().createId();
    for (int i = 0; i < 21; i++) { // one more than a default page
      CommentFixture.on(article).postId();
    }

    String link =
        Api.admin().get("/api/v1/comments").then().statusCode(200).extract().header("Link");
    org.junit.jupiter.api.Assertions.assertTrue(
        link.matches("</api/v1/comments\\?cursor=[^&>]+>; rel=\"next\""), link);
  }

  @Test
  void anArticleIdFilterTakesEveryPositive64BitId() {
    Api.admin()
        .get("/api/v1/comments?status=any&articleId=9223372036854775807")
        .then()
        .statusCode(200)
        .body("data", empty());
    Api.admin()
        .get("/api/v1/comments?articleId=9223372036854775808")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("articleId"));
  }

  @Test
  void theQueueSpansArticles() {
    long one = CommentFixture.on(ArticleFixture.published().createId()).postId();
    long two = CommentFixture.on(ArticleFixture.published().createId()).postId();

    Api.admin()
        .queryParam("limit", 100)
        .when()
        .get("/api/v1/comments")
        .then()
        .statusCode(200)
        .body("data.id", hasItems((int) two, (int) one));
  }

  @Test
  void theQueueIsPagedByCursorOrByPage() {
    long article = ArticleFixture.published().createId();
    long first = CommentFixture.on(article).postId();
    long second = CommentFixture.on(article).postId();
    long third = CommentFixture.on(article).postId();

    var firstPage =
        Api.admin()
            .queryParam("articleId", article)
            .queryParam("limit", 2)
            .when()
            .get("/api/v1/comments")
            .then()
            .statusCode(200)
            .body("data.id", contains((int) third, (int) second))
            .header("Link", containsString("rel=\"next\""))
            .extract();
    Api.admin()
        .queryParam("articleId", article)
        .queryParam("limit", 2)
        .queryParam("cursor", firstPage.jsonPath().getString("meta.nextCursor"))
        .when()
        .get("/api/v1/comments")
        .then()
        .statusCode(200)
        .body("data.id", contains((int) first))
        .body("meta.nextCursor", nullValue());
    Api.admin()
        .queryParam("articleId", article)
        .queryParam("limit", 2)
        .queryParam("page", 2)
        .when()
        .get("/api/v1/comments")
        .then()
        .statusCode(200)
        .body("data.id", contains((int) first))
        .body("meta.total", equalTo(3));
  }

  @Test
  void invalidQueueParametersAreRejected() {
    String[][] cases = {
      {"status", "published"},
      {"status", ""},
      {"articleId", "abc"},
      {"articleId", "0"},
      {"limit", "0"},
      {"limit", "101"},
      {"cursor", "garbage"},
      {"sort", "createdAt"}
    };
    for (String[] parameter : cases) {
      Api.admin()
          .queryParam(parameter[0], parameter[1])
          .when()
          .get("/api/v1/comments")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo(parameter[0]));
    }
  }

  @Test
  void moderatorsSeeTheEmailStatusAndWhereACommentCameFrom() {
    long article = ArticleFixture.published().createId();
    long id =
        Api.anonymous()
            .contentType(ContentType.JSON)
            .header("User-Agent", "GazetteTest/1.0")
            .body(CommentFixture.on(article).email("moderated@example.com").fields())
            .when()
            .post(CommentFixture.path(article))
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");

    Api.admin()
        .when()
        .get(comment(id))
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .header("Cache-Control", "private, no-store")
        .body("id", equalTo((int) id))
        .body("articleId", equalTo((int) article))
        .body("authorEmail", equalTo("moderated@example.com"))
        .body("status", equalTo("pending"))
        .body("updatedAt", notNullValue())
        .body("createdAt", notNullValue())
        .body("replyCount", equalTo(0))
        .body("clientAddress", equalTo("127.0.0.1"))
        .body("userAgent", equalTo("GazetteTest/1.0"));
  }

  @Test
  void aMatchingIfNoneMatchGivesNotModified() {
    long id = CommentFixture.on(ArticleFixture.published().createId()).postId();
    String etag = Api.admin().when().get(comment(id)).then().extract().header("ETag");

    Api.admin()
        .header("If-None-Match", etag)
        .when()
        .get(comment(id))
        .then()
        .statusCode(304)
        .header("ETag", equalTo(etag));
  }

  @Test
  void aMissingCommentIsNotFound() {
    Api.admin().when().get(comment(Long.MAX_VALUE)).then().statusCode(404);
    Api.admin().when().get("/api/v1/comments/abc").then().statusCode(404);
    patching(Map.of("status", "approved"))
        .when()
        .patch(comment(Long.MAX_VALUE))
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    Api.admin().when().delete(comment(Long.MAX_VALUE)).then().statusCode(404);
  }

  @Test
  void approvingACommentPublishesAndCountsIt() {
    long article = ArticleFixture.published().createId();
    long id = CommentFixture.on(article).postId();

    patching(Map.of("status", "approved"))
        .when()
        .patch(comment(id))
        .then()
        .statusCode(200)
        .body("status", equalTo("approved"))
        .body("version", equalTo(2))
        .header("ETag", notNullValue());

    Api.anonymous()
        .when()
        .get(CommentFixture.path(article))
        .then()
        .body("data.id", contains((int) id));
    Api.anonymous()
        .when()
        .get("/api/v1/articles/" + article)
        .then()
        .body("commentCount", equalTo(1));
  }

  @Test
  void everyStatusMayMoveToEveryOther() {
    List<String> statuses = List.of("pending", "approved", "spam", "trash");
    long article = ArticleFixture.published().createId();
    long id = CommentFixture.on(article).postId();
    String current = "pending";

    for (String from : statuses) {
      for (String to : statuses) {
        if (!current.equals(from)) {
          patching(Map.of("status", from)).when().patch(comment(id)).then().statusCode(200);
        }
        patching(Map.of("status", to))
            .when()
            .patch(comment(id))
            .then()
            .statusCode(200)
            .body("status", equalTo(to));
        current = to;
        Api.anonymous()
            .when()
            .get("/api/v1/articles/" + article)
            .then()
            .body("commentCount", equalTo(to.equals("approved") ? 1 : 0));
      }
    }
  }

  @Test
  void plainJsonIsAcceptedAsAMergePatch() {
    long id = CommentFixture.on(ArticleFixture.published().createId()).postId();

    Api.admin()
        .contentType(ContentType.JSON)
        .body(Map.of("status", "spam"))
        .when()
        .patch(comment(id))
        .then()
        .statusCode(200)
        .body("status", equalTo("spam"));
  }

  @Test
  void staleIfMatchIsRejectedWith412AndChangesNothing() {
    long article = ArticleFixture.published().createId();
    long id = CommentFixture.on(article).postId();
    String stale = Api.admin().when().get(comment(id)).then().extract().header("ETag");
    patching(Map.of("body", "Edited by a moderator"))
        .when()
        .patch(comment(id))
        .then()
        .statusCode(200);

    patching(Map.of("status", "approved"))
        .header("If-Match", stale)
        .when()
        .patch(comment(id))
        .then()
        .statusCode(412)
        .contentType("application/problem+json");
    Api.admin().header("If-Match", stale).when().delete(comment(id)).then().statusCode(412);

    Api.admin()
        .when()
        .get(comment(id))
        .then()
        .statusCode(200)
        .body("status", equalTo("pending"))
        .body("body", equalTo("Edited by a moderator"));
    Api.anonymous()
        .when()
        .get("/api/v1/articles/" + article)
        .then()
        .body("commentCount", equalTo(0));
  }

  @Test
  void ifUnmodifiedSinceAndIfNoneMatchGuardModerationAsIfMatchDoes() {
    long article = ArticleFixture.published().createId();
    long id = CommentFixture.on(article).postId();
    String[][] failing = {
      {"If-Unmodified-Since", "Sat, 01 Jan 2000 00:00:00 GMT"},
      {"If-None-Match", "*"}
    };
    for (String[] header : failing) {
      patching(Map.of("status", "approved"))
          .header(header[0], header[1])
          .when()
          .patch(comment(id))
          .then()
          .statusCode(412)
          .contentType("application/problem+json");
      Api.admin().header(header[0], header[1]).when().delete(comment(id)).then().statusCode(412);
    }
    Api.admin().when().get(comment(id)).then().statusCode(200).body("status", equalTo("pending"));
  }

  @Test
  void currentIfMatchIsAccepted() {
    long id = CommentFixture.on(ArticleFixture.published().createId()).postId();
    String etag = Api.admin().when().get(comment(id)).then().extract().header("ETag");

    String changed =
        patching(Map.of("status", "approved"))
            .header("If-Match", etag)
            .when()
            .patch(comment(id))
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");

    org.hamcrest.MatcherAssert.assertThat(changed, not(equalTo(etag)));
  }

  @Test
  void editingTheBodyRendersItAgainAsEscapedText() {
    long id = CommentFixture.on(ArticleFixture.published().createId()).postId();

    patching(Map.of("body", "Fixed <i>typo</i>\nthanks"))
        .when()
        .patch(comment(id))
        .then()
        .statusCode(200)
        .body("body", equalTo("Fixed <i>typo</i>\nthanks"))
        .body("bodyHtml", equalTo("Fixed &lt;i&gt;typo&lt;/i&gt;<br>\nthanks"))
        .body("status", equalTo("pending"))
        .body("version", equalTo(2));
  }

  @Test
  void aPatchThatChangesNothingKeepsTheVersion() {
    long id = CommentFixture.on(ArticleFixture.published().createId()).postId();

    patching(Map.of("status", "pending"))
        .when()
        .patch(comment(id))
        .then()
        .statusCode(200)
        .body("version", equalTo(1));
  }

  @Test
  void invalidPatchValuesAreEachNamed() {
    long id = CommentFixture.on(ArticleFixture.published().createId()).postId();

    patching(Map.of("status", "published", "body", " ", "colour", "red"))
        .when()
        .patch(comment(id))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", containsInAnyOrder("status", "body", "colour"));
    patching(Map.of("status", 3))
        .when()
        .patch(comment(id))
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("status"));
    patching("[1]").when().patch(comment(id)).then().statusCode(400);
  }

  @Test
  void removingTheStatusOrBodyIsRejected() {
    long id = CommentFixture.on(ArticleFixture.published().createId()).postId();

    patching("{\"status\": null, \"body\": null}")
        .when()
        .patch(comment(id))
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("status", "body"));
  }

  @Test
  void whatThePosterWroteCannotBeChangedByModeration() {
    long id = CommentFixture.on(ArticleFixture.published().createId()).postId();

    patching(Map.of("authorEmail", "other@example.com", "authorName", "Someone else"))
        .when()
        .patch(comment(id))
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("authorEmail", "authorName"));
  }

  @Test
  void theFullRepresentationCanBeSentBackWithReadOnlyFieldsIgnored() {
    long id = CommentFixture.on(ArticleFixture.published().createId()).postId();
    Map<String, Object> representation =
        Api.admin().when().get(comment(id)).then().extract().jsonPath().getMap("");
    representation.put("status", "approved");
    representation.put("replyCount", 42);
    representation.put("bodyHtml", "<script>x</script>");
    representation.put("version", 99);

    patching(representation)
        .when()
        .patch(comment(id))
        .then()
        .statusCode(200)
        .body("status", equalTo("approved"))
        .body("replyCount", equalTo(0))
        .body("version", equalTo(2))
        .body("bodyHtml", not(containsString("<script>")));
  }

  @Test
  void deletingACommentRemovesIt() {
    long article = ArticleFixture.published().createId();
    long id = CommentFixture.on(article).postApproved();

    Api.admin().when().delete(comment(id)).then().statusCode(204);

    Api.admin().when().get(comment(id)).then().statusCode(404);
    Api.admin().when().delete(comment(id)).then().statusCode(404);
    Api.anonymous().when().get(CommentFixture.path(article)).then().body("data", empty());
    Api.anonymous()
        .when()
        .get("/api/v1/articles/" + article)
        .then()
        .body("commentCount", equalTo(0));
  }

  @Test
  void anEditedBodyIsLimitedInCharactersAndMayNotBeInvisible() {
    long id = CommentFixture.on(ArticleFixture.published().createId()).postId();
    String emoji = "\uD83D\uDE00";

    Api.admin()
        .contentType(MERGE_PATCH + "; charset=UTF-8")
        .body(Map.of("body", emoji.repeat(10_000)))
        .when()
        .patch(comment(id))
        .then()
        .statusCode(200)
        .body("body", equalTo(emoji.repeat(10_000)));
    Api.admin()
        .contentType(MERGE_PATCH + "; charset=UTF-8")
        .body(Map.of("body", emoji.repeat(10_001)))
        .when()
        .patch(comment(id))
        .then()
        .statusCode(400)
        .body("errors.field", contains("body"));
    Api.admin()
        .contentType(MERGE_PATCH + "; charset=UTF-8")
        .body(Map.of("body", "\u200b\u00a0"))
        .when()
        .patch(comment(id))
        .then()
        .statusCode(400)
        .body("errors.field", contains("body"))
        .body("errors.message", contains("is required"));
  }
}
