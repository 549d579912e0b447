package io.gazette.common;

import static org.hamcrest.Matchers.equalTo;

import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.gazette.support.CommentFixture;
import io.gazette.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every API response is JSON: an Accept header that refuses JSON gets 406, as a problem. */
@QuarkusTest
class ContentNegotiationTest {

  @Test
  void anAcceptHeaderThatAllowsJsonGetsJson() {
    for (String accept :
        List.of(
            "application/json",
            "*/*",
            "application/*",
            "application/json;q=0.5, text/html",
            "application/*;q=0, application/json",
            "application/json;q=0.001",
            "text/html;q=0, application/json")) {
      Api.anonymous()
          .header("Accept", accept)
          .get("/api/v1/articles/37076")
          .then()
          .statusCode(200)
          .contentType(ContentType.JSON)
          .body("id", equalTo(37076));
    }
  }

  @Test
  void anAcceptHeaderThatRefusesJsonIs406() {
    for (String accept :
        List.of(
            "text/html",
            "application/json;q=0",
            "application/json; Q=0.000",
            "*/*;q=0",
            "application/*;q=0",
            "application/json;q=0, */*",
            "text/html, application/json;q=0")) {
      Api.anonymous()
          .header("Accept", accept)
          .get("/api/v1/articles/37076")
          .then()
          .statusCode(406)
          .contentType("application/problem+json")
          .body("status", equalTo(406))
          .body("type", equalTo("https://gazette.dev/problems/not-acceptable"));
    }
  }

  @Test
  void aDeleteAnswers204WhateverTheAcceptHeaderSays() {
    // Generated clients send the only type these operations declare, application/problem+json.
    for (String accept :
        List.of("application/problem+json", "text/html", "application/json;q=0", "garbage")) {
      long article = ArticleFixture.published().createId();
      long comment = CommentFixture.on(article).postId();
      Api.admin()
          .header("Accept", accept)
          .delete("/api/v1/comments/" + comment)
          .then()
          .statusCode(204);
      Api.admin()
          .header("Accept", accept)
          .delete("/api/v1/articles/" + article)
          .then()
          .statusCode(204);
      Api.anonymous().get("/api/v1/articles/" + article).then().statusCode(404);
      Api.admin()
          .header("Accept", accept)
          .delete("/api/v1/articles/" + article)
          .then()
          .statusCode(404)
          .contentType("application/problem+json");
      Object token = Tokens.create("editor", null).get("id");
      Api.admin().header("Accept", accept).delete("/api/v1/tokens/" + token).then().statusCode(204);
    }
  }

  @Test
  void aWriteWhoseAnswerWouldBeRefusedStoresNothing() {
    String title = "Refused by Accept " + Api.unique();
    Api.admin()
        .header("Accept", "application/json;q=0")
        .contentType(ContentType.JSON)
        .body(ArticleFixture.published().title(title).body())
        .post("/api/v1/articles")
        .then()
        .statusCode(406)
        .contentType("application/problem+json");

    Api.admin()
        .queryParams(Map.of("q", title, "status", "any"))
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("data", org.hamcrest.Matchers.empty());
  }
}
