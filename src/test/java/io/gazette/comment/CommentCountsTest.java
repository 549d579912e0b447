package io.gazette.comment;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.gazette.support.CommentCounts;
import io.gazette.support.CommentFixture;
import io.gazette.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CommentCountsTest {

  private static int commentCount(long article) {
    return Api.admin()
        .when()
        .get("/api/v1/articles/" + article)
        .then()
        .statusCode(200)
        .extract()
        .path("commentCount");
  }

  private static int replyCount(long comment) {
    return Api.admin()
        .when()
        .get("/api/v1/comments/" + comment)
        .then()
        .statusCode(200)
        .extract()
        .path("replyCount");
  }

  @Test
  void approvingAReplyCountsItOnItsParentAndArticle() {
    long article = ArticleFixture.published().createId();
    long parent = CommentFixture.on(article).postApproved();
    long reply = CommentFixture.on(article).replyTo(parent).postId();
    assertThat(replyCount(parent), equalTo(0));
    assertThat(commentCount(article), equalTo(1));

    CommentFixture.moderate(reply, "approved");

    assertThat(replyCount(parent), equalTo(1));
    assertThat(commentCount(article), equalTo(2));
    CommentCounts.assertExact(article);
  }

  @Test
  void unapprovingAReplyUncountsIt() {
    long article = ArticleFixture.published().createId();
    long parent = CommentFixture.on(article).postApproved();
    long reply = CommentFixture.on(article).replyTo(parent).postApproved();

    CommentFixture.moderate(reply, "spam");

    assertThat(replyCount(parent), equalTo(0));
    assertThat(commentCount(article), equalTo(1));
    CommentCounts.assertExact(article);
  }

  @Test
  void theArticleEtagChangesWhenItsCommentCountDoes() {
    long article = ArticleFixture.published().createId();
    String before =
        Api.anonymous().when().get("/api/v1/articles/" + article).then().extract().header("ETag");

    CommentFixture.on(article).postApproved();

    Api.anonymous()
        .header("If-None-Match", before)
        .when()
        .get("/api/v1/articles/" + article)
        .then()
        .statusCode(200)
        .body("commentCount", equalTo(1));
  }

  @Test
  void deletingAnApprovedCommentUncountsIt() {
    long article = ArticleFixture.published().createId();
    long parent = CommentFixture.on(article).postApproved();
    long reply = CommentFixture.on(article).replyTo(parent).postApproved();

    Api.admin().when().delete("/api/v1/comments/" + reply).then().statusCode(204);

    assertThat(replyCount(parent), equalTo(0));
    assertThat(commentCount(article), equalTo(1));
    CommentCounts.assertExact(article);
  }

  @Test
  void deletingACommentMovesItsRepliesUpToItsOwnParent() {
    long article = ArticleFixture.published().createId();
    long top = CommentFixture.on(article).postApproved();
    long middle = CommentFixture.on(article).replyTo(top).postApproved();
    long approvedReply = CommentFixture.on(article).replyTo(middle).postApproved();
    long pendingReply = CommentFixture.on(article).replyTo(middle).postId();
    assertThat(replyCount(top), equalTo(1));
    assertThat(replyCount(middle), equalTo(1));

    Api.admin().when().delete("/api/v1/comments/" + middle).then().statusCode(204);

    Api.anonymous()
        .when()
        .get(CommentFixture.path(article))
        .then()
        .statusCode(200)
        .body("data.id", contains((int) top, (int) approvedReply))
        .body("data[1].parentId", equalTo((int) top))
        .body("data[0].replyCount", equalTo(1));
    Api.admin()
        .when()
        .get("/api/v1/comments/" + pendingReply)
        .then()
        .statusCode(200)
        .body("parentId", equalTo((int) top));
    assertThat(commentCount(article), equalTo(2));
    CommentCounts.assertExact(article);
  }

  @Test
  void deletingATopLevelCommentMakesItsRepliesTopLevel() {
    long article = ArticleFixture.published().createId();
    long top = CommentFixture.on(article).postApproved();
    long first = CommentFixture.on(article).replyTo(top).postApproved();
    long second = CommentFixture.on(article).replyTo(top).postApproved();

    Api.admin().when().delete("/api/v1/comments/" + top).then().statusCode(204);

    Api.anonymous()
        .when()
        .get(CommentFixture.path(article))
        .then()
        .statusCode(200)
        .body("data.id", contains((int) first, (int) second))
        .body("data[0].parentId", nullValue())
        .body("data[1].parentId", nullValue());
    assertThat(commentCount(article), equalTo(2));
    CommentCounts.assertExact(article);
  }

  @Test
  void deletingAnArticleDeletesItsComments() {
    long article = ArticleFixture.published().createId();
    long top = CommentFixture.on(article).postApproved();
    long reply = CommentFixture.on(article).replyTo(top).postApproved();
    long pending = CommentFixture.on(article).replyTo(reply).postId();

    Api.admin().when().delete("/api/v1/articles/" + article).then().statusCode(204);

    Api.anonymous().when().get(CommentFixture.path(article)).then().statusCode(404);
    Api.admin().when().get(CommentFixture.path(article)).then().statusCode(404);
    for (long id : new long[] {top, reply, pending}) {
      Api.admin().when().get("/api/v1/comments/" + id).then().statusCode(404);
    }
    Api.admin()
        .queryParam("articleId", article)
        .queryParam("status", "any")
        .when()
        .get("/api/v1/comments")
        .then()
        .statusCode(200)
        .body("data", org.hamcrest.Matchers.empty());
    assertThat(
        Sql.number("select count(*) from comment where article_id = ?", article), equalTo(0L));
  }

  @Test
  void countersCannotBeSetThroughTheApi() {
    long article = ArticleFixture.published().createId();
    CommentFixture.on(article).postApproved();

    Api.admin()
        .contentType("application/merge-patch+json")
        .body(java.util.Map.of("commentCount", 500, "title", "Retitled " + Api.unique()))
        .when()
        .patch("/api/v1/articles/" + article)
        .then()
        .statusCode(200)
        .body("commentCount", equalTo(1));
    CommentCounts.assertExact(article);
  }
}
