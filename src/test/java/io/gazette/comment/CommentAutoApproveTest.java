package io.gazette.comment;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.gazette.support.CommentCounts;
import io.gazette.support.CommentFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(CommentAutoApproveTest.AutoApprove.class)
class CommentAutoApproveTest {

  /** {@code GAZETTE_COMMENTS_AUTO_APPROVE=true}. */
  public static class AutoApprove implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("gazette.comments.auto-approve", "true");
    }
  }

  @Test
  void withAutoApproveNewCommentsArePublicAndCountedAtOnce() {
    long article = ArticleFixture.published().createId();

    long top =
        Api.anonymous()
            .contentType(ContentType.JSON)
            .body(CommentFixture.on(article).fields())
            .when()
            .post(CommentFixture.path(article))
            .then()
            .statusCode(201)
            .body("status", equalTo("approved"))
            .extract()
            .jsonPath()
            .getLong("id");
    long reply = CommentFixture.on(article).replyTo(top).postId();

    Api.anonymous()
        .when()
        .get(CommentFixture.path(article))
        .then()
        .statusCode(200)
        .body("data.id", contains((int) top, (int) reply))
        .body("data[0].replyCount", equalTo(1));
    Api.anonymous()
        .when()
        .get("/api/v1/articles/" + article)
        .then()
        .body("commentCount", equalTo(2));
    CommentCounts.assertExact(article);
  }
}
