package io.gazette.article;

import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.gazette.support.CommentFixture;
import io.gazette.support.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleCachingTest {

  @Test
  void visibleArticleIsPubliclyCacheableWithValidators() {
    long id = ArticleFixture.published().createId();

    Api.anonymous()
        .when()
        .get("/api/v1/articles/" + id)
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .header("Last-Modified", notNullValue())
        .header("Cache-Control", equalTo("public, max-age=60"));
  }

  @Test
  void whatIsReadWithATokenIsNeverForSharedCaches() {
    long id = ArticleFixture.published().createId();
    Api.anonymous().get("/api/v1/articles/" + id).then().statusCode(200);

    for (String path :
        new String[] {"/api/v1/articles/" + id, "/api/v1/articles/" + id + "?fields=id"}) {
      Api.admin()
          .get(path)
          .then()
          .statusCode(200)
          .header("Cache-Control", equalTo("private, no-store"));
    }
    Api.anonymous()
        .get("/api/v1/articles/" + id + "?fields=id")
        .then()
        .statusCode(200)
        .header("Cache-Control", equalTo("public, max-age=60"));
  }

  @Test
  void aSparseRepresentationHasItsOwnEntityTagWhichStillServesIfMatch() {
    long id = ArticleFixture.published().createId();
    String full = Api.anonymous().get("/api/v1/articles/" + id).header("ETag");
    String sparse =
        Api.anonymous().get("/api/v1/articles/" + id + "?fields=id,title").header("ETag");

    org.junit.jupiter.api.Assertions.assertNotEquals(full, sparse);
    org.junit.jupiter.api.Assertions.assertEquals(
        sparse, Api.anonymous().get("/api/v1/articles/" + id + "?fields=title,id").header("ETag"));
    Api.anonymous()
        .header("If-None-Match", full)
        .get("/api/v1/articles/" + id + "?fields=id,title")
        .then()
        .statusCode(200)
        .body("title", notNullValue());
    Api.anonymous()
        .header("If-None-Match", sparse)
        .get("/api/v1/articles/" + id + "?fields=id,title")
        .then()
        .statusCode(304);
    Api.anonymous()
        .header("If-None-Match", sparse)
        .get("/api/v1/articles/" + id)
        .then()
        .statusCode(200);

    // Only tags the server issues count: no empty, padded, unknown or oversized field set.
    String stem = full.substring(0, full.length() - 1) + "-f";
    for (String forged :
        new String[] {"0", "05", "20000", "10000000", "8000000000000000", "zz", ""}) {
      Api.admin()
          .contentType(ContentType.JSON)
          .header("If-Match", stem + forged + "\"")
          .body(Map.of("title", "Forged"))
          .patch("/api/v1/articles/" + id)
          .then()
          .statusCode(412);
    }
    // Both tags name the current version, so either lets a write through; once it is done,
    // neither does.
    Api.admin()
        .contentType(ContentType.JSON)
        .header("If-Match", sparse)
        .body(Map.of("title", "Changed"))
        .patch("/api/v1/articles/" + id)
        .then()
        .statusCode(200);
    Api.admin()
        .contentType(ContentType.JSON)
        .header("If-Match", sparse)
        .body(Map.of("title", "Changed again"))
        .patch("/api/v1/articles/" + id)
        .then()
        .statusCode(412);
  }

  @Test
  void draftIsNeverStoredByCaches() {
    long id = ArticleFixture.draft().createId();

    Api.admin()
        .when()
        .get("/api/v1/articles/" + id)
        .then()
        .statusCode(200)
        .header("Cache-Control", equalTo("private, no-store"));
  }

  @Test
  void currentEtagInIfNoneMatchGives304WithoutBody() {
    long id = ArticleFixture.published().createId();
    String etag = Api.anonymous().when().get("/api/v1/articles/" + id).header("ETag");

    Api.anonymous()
        .header("If-None-Match", etag)
        .when()
        .get("/api/v1/articles/" + id)
        .then()
        .statusCode(304)
        .header("ETag", equalTo(etag))
        .body(emptyString());
  }

  @Test
  void etagChangesWithTheVersionSoOldCopiesAreRefetched() {
    long id = ArticleFixture.published().createId();
    String etag = Api.anonymous().when().get("/api/v1/articles/" + id).header("ETag");
    Api.admin()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "Changed"))
        .when()
        .patch("/api/v1/articles/" + id)
        .then()
        .statusCode(200);

    Api.anonymous()
        .header("If-None-Match", etag)
        .when()
        .get("/api/v1/articles/" + id)
        .then()
        .statusCode(200)
        .body("title", equalTo("Changed"));
  }

  @Test
  void unpublishingHidesACachedArticleAtOnce() {
    String tag = "cache-" + Api.unique();
    long id = ArticleFixture.published().tags(tag).createId();
    Api.anonymous().when().get("/api/v1/articles/" + id).then().statusCode(200);
    Api.anonymous()
        .queryParam("tag", tag)
        .get("/api/v1/articles")
        .then()
        .body("data.size()", equalTo(1));

    Api.admin()
        .contentType("application/merge-patch+json")
        .body("{\"status\": \"draft\"}")
        .when()
        .patch("/api/v1/articles/" + id)
        .then()
        .statusCode(200);

    Api.anonymous().when().get("/api/v1/articles/" + id).then().statusCode(404);
    Api.anonymous()
        .queryParam("tag", tag)
        .get("/api/v1/articles")
        .then()
        .body("data.size()", equalTo(0));
  }

  @Test
  void newlyPublishedArticleAppearsInACachedListAtOnce() {
    String tag = "cache-" + Api.unique();
    ArticleFixture.published().tags(tag).createId();
    Api.anonymous()
        .queryParam("tag", tag)
        .get("/api/v1/articles")
        .then()
        .body("data.size()", equalTo(1));

    ArticleFixture.published().tags(tag).createId();

    Api.anonymous()
        .queryParam("tag", tag)
        .get("/api/v1/articles")
        .then()
        .body("data.size()", equalTo(2));
  }

  @Test
  void changingTheSlugRetiresTheOldSlugAtOnce() {
    String oldSlug = "old-slug-" + Api.unique();
    long id = ArticleFixture.published().slug(oldSlug).createId();
    Api.anonymous().when().get("/api/v1/articles/" + oldSlug).then().statusCode(200);

    Api.admin()
        .contentType("application/merge-patch+json")
        .body("{\"slug\": \"new-" + oldSlug + "\"}")
        .when()
        .patch("/api/v1/articles/" + id)
        .then()
        .statusCode(200);

    Api.anonymous().when().get("/api/v1/articles/" + oldSlug).then().statusCode(404);
    Api.anonymous().when().get("/api/v1/articles/new-" + oldSlug).then().statusCode(200);
  }

  @Test
  void aSlugGivenUpAndTakenByAnotherArticleLeadsToTheNewOne() {
    String slug = "moving-slug-" + Api.unique();
    long first = ArticleFixture.published().slug(slug).createId();
    Api.anonymous().when().get("/api/v1/articles/" + slug).then().body("id", equalTo((int) first));
    Api.anonymous().when().get("/api/v1/articles/" + first).then().statusCode(200);

    Api.admin()
        .contentType("application/merge-patch+json")
        .body("{\"slug\": \"given-up-" + slug + "\"}")
        .when()
        .patch("/api/v1/articles/" + first)
        .then()
        .statusCode(200);
    long second = ArticleFixture.published().slug(slug).createId();

    Api.anonymous().when().get("/api/v1/articles/" + slug).then().body("id", equalTo((int) second));
    Api.anonymous()
        .when()
        .get("/api/v1/articles/" + first)
        .then()
        .body("slug", equalTo("given-up-" + slug));
  }

  @Test
  void cachedCommentPagesFollowModerationAtOnce() {
    long article = ArticleFixture.published().createId();
    long first = CommentFixture.on(article).postApproved();
    Api.anonymous().get(CommentFixture.path(article)).then().body("data.size()", equalTo(1));

    long second = CommentFixture.on(article).postApproved();
    Api.anonymous().get(CommentFixture.path(article)).then().body("data.size()", equalTo(2));

    Api.admin()
        .contentType("application/merge-patch+json")
        .body("{\"body\": \"Edited by a moderator\"}")
        .patch("/api/v1/comments/" + first)
        .then()
        .statusCode(200);
    Api.anonymous()
        .get(CommentFixture.path(article))
        .then()
        .body("data[0].body", equalTo("Edited by a moderator"));

    CommentFixture.moderate(second, "spam");
    Api.anonymous().get(CommentFixture.path(article)).then().body("data.size()", equalTo(1));
    Api.anonymous().get("/api/v1/articles/" + article).then().body("commentCount", equalTo(1));
  }

  @Test
  void answersFromTheCacheCarryTheSameStatusHeadersAndBodyAsFreshOnes() {
    String tag = "same-" + Api.unique();
    String slug = "cached-" + Api.unique();
    long id = ArticleFixture.published().slug(slug).tags(tag).createId();
    long other = ArticleFixture.published().tags(tag).createId();
    CommentFixture.on(id).postApproved();
    CommentFixture.on(id).postApproved();
    // Read with a token, which never fills the anonymous cache; the ETag is the same.
    String etag = Api.admin().get("/api/v1/articles/" + other).header("ETag");

    assertEquals(200, sameAnswerTwice("/api/v1/articles/" + id, null));
    assertEquals(200, sameAnswerTwice("/api/v1/articles/" + slug, null));
    assertEquals(304, sameAnswerTwice("/api/v1/articles/" + other, etag));
    assertEquals(200, sameAnswerTwice("/api/v1/articles?limit=1&tag=" + tag, null));
    assertEquals(200, sameAnswerTwice(CommentFixture.path(id) + "?limit=1", null));
  }

  @Test
  void jsonAnswersNameOneContentTypeWhetherCachedOrBuiltForATokenHolder() {
    long id = ArticleFixture.published().createId();
    CommentFixture.on(id).postApproved();
    String json = "application/json;charset=UTF-8";

    for (String path :
        new String[] {
          "/api/v1/articles/" + id, "/api/v1/articles?limit=1", CommentFixture.path(id)
        }) {
      // The token holder first: once readers have filled the cache, it serves them both.
      Api.admin().get(path).then().statusCode(200).header("Content-Type", equalTo(json));
      Api.anonymous().get(path).then().statusCode(200).header("Content-Type", equalTo(json));
    }
    Api.admin().get("/api/v1/tokens").then().statusCode(200).header("Content-Type", equalTo(json));
  }

  @Test
  void aTokenHolderIsServedAVisibleArticleFromTheReadersCache() {
    long id = ArticleFixture.published().createId();
    long draft = ArticleFixture.draft().createId();
    Response reader = get("/api/v1/articles/" + id, null);
    double hits = Metrics.cacheGets("articles", "hit");

    Response holder = Api.admin().get("/api/v1/articles/" + id);

    assertEquals(hits + 1, Metrics.cacheGets("articles", "hit"), "served from the cache");
    assertEquals(200, holder.statusCode());
    assertEquals(reader.asString(), holder.asString());
    Map<String, String> readerHeaders = headersExceptRequestId(reader);
    Map<String, String> holderHeaders = headersExceptRequestId(holder);
    assertEquals("public, max-age=60", readerHeaders.remove("cache-control"));
    assertEquals("private, no-store", holderHeaders.remove("cache-control"));
    // Public reads are open to every origin; a token holder's read is not a public read.
    assertEquals("*", readerHeaders.remove("access-control-allow-origin"));
    readerHeaders.remove("access-control-expose-headers");
    assertEquals(readerHeaders, holderHeaders);
    Api.admin()
        .get("/api/v1/articles/" + draft)
        .then()
        .statusCode(200)
        .body("status", equalTo("draft"));
    assertEquals(hits + 1, Metrics.cacheGets("articles", "hit"), "a draft is never cached");
  }

  /**
   * The first request fills the cache, the second is answered from it: both must agree. Returns the
   * status.
   */
  private static int sameAnswerTwice(String path, String ifNoneMatch) {
    Response first = get(path, ifNoneMatch);
    Response second = get(path, ifNoneMatch);

    assertEquals(first.statusCode(), second.statusCode(), path);
    assertEquals(first.asString(), second.asString(), path);
    assertEquals(headersExceptRequestId(first), headersExceptRequestId(second), path);
    return first.statusCode();
  }

  private static Response get(String path, String ifNoneMatch) {
    RequestSpecification request = Api.anonymous().urlEncodingEnabled(false);
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    return request.get(path);
  }

  private static Map<String, String> headersExceptRequestId(Response response) {
    return response.headers().asList().stream()
        .filter(header -> !header.getName().equalsIgnoreCase("X-Request-Id"))
        .collect(
            Collectors.toMap(
                header -> header.getName().toLowerCase(Locale.ROOT),
                Header::getValue,
                (a, b) -> a + ", " + b,
                TreeMap::new));
  }
}
