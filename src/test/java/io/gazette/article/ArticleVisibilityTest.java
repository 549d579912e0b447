package io.gazette.article;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleVisibilityTest {

  @Test
  void draftIsNotFoundForAnonymousReadersByIdOrSlug() {
    ExtractableResponse<Response> draft = ArticleFixture.draft().create();

    for (String path : new String[] {draft.path("id").toString(), draft.path("slug")}) {
      Api.anonymous()
          .when()
          .get("/api/v1/articles/" + path)
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .body("status", equalTo(404));
    }
  }

  @Test
  void draftIsMissingFromAnonymousLists() {
    String tag = "vis-" + Api.unique();
    long draft = ArticleFixture.draft().tags(tag).createId();
    long published = ArticleFixture.published().tags(tag).createId();

    Api.anonymous()
        .queryParam("tag", tag)
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("data.id", hasItem((int) published))
        .body("data.id", not(hasItem((int) draft)));
  }

  @Test
  void statusFilterWithoutTokenIsRejectedAndRevealsNoDraft() {
    String tag = "vis-" + Api.unique();
    ArticleFixture.draft().tags(tag).createId();

    for (String status : new String[] {"draft", "any", "archived"}) {
      Api.anonymous()
          .queryParam("tag", tag)
          .queryParam("status", status)
          .when()
          .get("/api/v1/articles")
          .then()
          .statusCode(401)
          .header("WWW-Authenticate", equalTo("Bearer realm=\"gazette\""))
          .contentType("application/problem+json");
    }
  }

  @Test
  void publishedStatusFilterIsAllowedWithoutToken() {
    String tag = "vis-" + Api.unique();
    long published = ArticleFixture.published().tags(tag).createId();
    ArticleFixture.draft().tags(tag).createId();

    Api.anonymous()
        .queryParam("tag", tag)
        .queryParam("status", "published")
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("data.id", equalTo(java.util.List.of((int) published)));
  }

  @Test
  void scheduledArticleIsHiddenUntilItsPublicationTime() {
    String tag = "vis-" + Api.unique();
    Instant soon = Instant.now().plus(Duration.ofSeconds(3));
    long scheduled = ArticleFixture.published().tags(tag).publishedAt(soon).createId();

    Api.anonymous().when().get("/api/v1/articles/" + scheduled).then().statusCode(404);
    Api.anonymous()
        .queryParam("tag", tag)
        .when()
        .get("/api/v1/articles")
        .then()
        .body("data", org.hamcrest.Matchers.empty());

    sleepUntil(soon.plusMillis(200));

    Api.anonymous().when().get("/api/v1/articles/" + scheduled).then().statusCode(200);
    Api.anonymous()
        .queryParam("tag", tag)
        .when()
        .get("/api/v1/articles")
        .then()
        .body("data.id", equalTo(java.util.List.of((int) scheduled)));
  }

  @Test
  void archivedArticleIsNotFoundForAnonymousReaders() {
    long archived = ArticleFixture.draft().with("status", "archived").createId();

    Api.anonymous().when().get("/api/v1/articles/" + archived).then().statusCode(404);
  }

  @Test
  void tokenHolderSeesDraftsByIdAndInLists() {
    String tag = "vis-" + Api.unique();
    long draft = ArticleFixture.draft().tags(tag).createId();

    Api.admin()
        .when()
        .get("/api/v1/articles/" + draft)
        .then()
        .statusCode(200)
        .header("Cache-Control", equalTo("private, no-store"));
    Api.admin()
        .queryParam("tag", tag)
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("data.id", hasItem((int) draft));
    Api.admin()
        .queryParam("tag", tag)
        .queryParam("status", "published")
        .when()
        .get("/api/v1/articles")
        .then()
        .body("data", org.hamcrest.Matchers.empty());
  }

  private static void sleepUntil(Instant moment) {
    long millis = Duration.between(Instant.now(), moment).toMillis();
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
