package io.gazette.article;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.gazette.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoArticleTest {

  static final String SLUG = "kerry-lands-in-geneva-for-syria-peace-talks-with-russias-lavrov";

  @Test
  void seedArticleIsServedByItsOriginalId() {
    Api.anonymous()
        .when()
        .get("/api/v1/articles/37076")
        .then()
        .statusCode(200)
        .body("id", equalTo(37076))
        .body("slug", equalTo(SLUG))
        .body("title", equalTo("Kerry lands in Geneva for Syria peace talks with Russia’s Lavrov"))
        .body("source", equalTo("SHAFAQNA"))
        .body("publishedAt", equalTo("2016-09-09T18:11:00Z"))
        .body("status", equalTo("published"))
        .body("tags", equalTo(java.util.List.of("syria", "diplomacy", "russia", "united-states")))
        .body("summary", containsString("John Kerry has arrived in Geneva"))
        .body("bodyHtml", containsString("<p>Lavrov arrived at the talks venue in Geneva"))
        .body("commentCount", equalTo(0))
        .body("commentsOpen", equalTo(true));
  }

  @Test
  void seedArticleIsServedByItsGeneratedSlug() {
    Api.anonymous()
        .when()
        .get("/api/v1/articles/" + SLUG)
        .then()
        .statusCode(200)
        .body("id", equalTo(37076));
  }

  @Test
  void seedArticleAppearsInThePublicListWithoutItsBody() {
    Api.anonymous()
        .queryParam("tag", "diplomacy")
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("data.id", hasItem(37076))
        .body("data[0]", not(org.hamcrest.Matchers.hasKey("body")))
        .body("data[0]", not(org.hamcrest.Matchers.hasKey("bodyHtml")));
  }
}
