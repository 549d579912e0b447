package io.gazette.comment;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.gazette.common.Cursor;
import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.gazette.support.CommentFixture;
import io.gazette.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CommentReadingTest {

  @Test
  void onlyApprovedCommentsAreListedOldestFirst() {
    long article = ArticleFixture.published().createId();
    long first = CommentFixture.on(article).postApproved();
    CommentFixture.on(article).postId(); // pending
    long spam = CommentFixture.on(article).postId();
    CommentFixture.moderate(spam, "spam");
    long trashed = CommentFixture.on(article).postApproved();
    CommentFixture.moderate(trashed, "trash");
    long last = CommentFixture.on(article).postApproved();

    Api.anonymous()
        .when()
        .get(CommentFixture.path(article))
        .then()
        .statusCode(200)
        .body("data.id", contains((int) first, (int) last))
        .body("meta.limit", equalTo(20))
        .body("meta.nextCursor", nullValue())
        .body("meta", not(hasKey("total")));
  }

  @Test
  void listItemsAreFlatWithParentIdAndReplyCountAndNoPrivateFields() {
    long article = ArticleFixture.published().createId();
    long parent =
        CommentFixture.on(article)
            .with("authorName", "Ann")
            .with("authorUrl", "https://ann.example.org/")
            .body("Line one\nline <two>")
            .postApproved();
    long reply = CommentFixture.on(article).replyTo(parent).postApproved();

    Api.anonymous()
        .when()
        .get(CommentFixture.path(article))
        .then()
        .statusCode(200)
        .header("Cache-Control", "public, max-age=10")
        .body("data.id", contains((int) parent, (int) reply))
        .body("data[0].articleId", equalTo((int) article))
        .body("data[0].parentId", nullValue())
        .body("data[0].authorName", equalTo("Ann"))
        .body("data[0].authorUrl", equalTo("https://ann.example.org/"))
        .body("data[0].body", equalTo("Line one\nline <two>"))
        .body("data[0].bodyHtml", equalTo("Line one<br>\nline &lt;two&gt;"))
        .body("data[0].createdAt", containsString("Z"))
        .body("data[0].replyCount", equalTo(1))
        .body("data[1].parentId", equalTo((int) parent))
        .body("data[1].replyCount", equalTo(0))
        .body("data[0]", not(hasKey("authorEmail")))
        .body("data[0]", not(hasKey("status")))
        .body("data[0]", not(hasKey("clientAddress")))
        .body("data[0]", not(hasKey("userAgent")))
        .body("data[0]", not(hasKey("updatedAt")));
  }

  @Test
  void cursorPagingWalksEveryCommentOnceFollowingLinkNext() {
    long article = ArticleFixture.published().createId();
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      expected.add((int) CommentFixture.on(article).postApproved());
    }

    List<Integer> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var request = Api.anonymous().queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      ExtractableResponse<Response> page =
          request.when().get(CommentFixture.path(article)).then().statusCode(200).extract();
      seen.addAll(page.jsonPath().getList("data.id", Integer.class));
      cursor = page.jsonPath().getString("meta.nextCursor");
      if (cursor != null) {
        assertThat(page.header("Link"), containsString("cursor=" + cursor));
        assertThat(page.header("Link"), containsString("rel=\"next\""));
      } else {
        assertThat(page.header("Link"), nullValue());
      }
      pages++;
    } while (cursor != null);

    assertThat(seen, equalTo(expected));
    assertThat(pages, equalTo(3));
  }

  @Test
  void numberedPagesAddTheTotal() {
    long article = ArticleFixture.published().createId();
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add((int) CommentFixture.on(article).postApproved());
    }

    Api.anonymous()
        .queryParam("limit", 2)
        .queryParam("page", 2)
        .when()
        .get(CommentFixture.path(article))
        .then()
        .statusCode(200)
        .body("data.id", contains(ids.get(2), ids.get(3)))
        .body("meta.total", equalTo(5))
        .body("meta.page", equalTo(2))
        .header("Link", containsString("page=3"));

    Api.anonymous()
        .queryParam("limit", 2)
        .queryParam("page", 3)
        .when()
        .get(CommentFixture.path(article))
        .then()
        .statusCode(200)
        .body("data.id", contains(ids.get(4)))
        .body("meta.total", equalTo(5))
        .header("Link", nullValue());
  }

  @Test
  void invalidPagingParametersAreRejected() {
    long article = ArticleFixture.published().createId();
    String queueCursor = new Cursor("-createdAt", 1, "2020-01-01T00:00:00Z").encode();

    String[][] cases = {
      {"limit", "0"},
      {"limit", "101"},
      {"limit", "ten"},
      {"page", "0"},
      {"cursor", "not-a-cursor"},
      {"cursor", queueCursor},
      {"sort", "-createdAt"},
      {"status", "pending"}
    };
    for (String[] parameter : cases) {
      Api.anonymous()
          .queryParam(parameter[0], parameter[1])
          .when()
          .get(CommentFixture.path(article))
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo(parameter[0]));
    }
  }

  @Test
  void aCursorCannotBeCombinedWithAPage() {
    long article = ArticleFixture.published().createId();
    String cursor = new Cursor("createdAt", 1, "2020-01-01T00:00:00Z").encode();

    Api.anonymous()
        .queryParam("cursor", cursor)
        .queryParam("page", 1)
        .when()
        .get(CommentFixture.path(article))
        .then()
        .statusCode(400);
  }

  @Test
  void commentsCanBeReadByArticleSlug() {
    String slug = "read-by-slug-" + Api.unique();
    long article = ArticleFixture.published().slug(slug).createId();
    long id = CommentFixture.on(article).postApproved();

    Api.anonymous()
        .when()
        .get(CommentFixture.path(slug))
        .then()
        .statusCode(200)
        .body("data.id", contains((int) id));
  }

  @Test
  void commentsOfADraftAreNotFoundForAnonymousReadersButListedWithAToken() {
    long draft = ArticleFixture.draft().createId();

    Api.anonymous().when().get(CommentFixture.path(draft)).then().statusCode(404);
    Api.admin()
        .when()
        .get(CommentFixture.path(draft))
        .then()
        .statusCode(200)
        .header("Cache-Control", "private, no-store")
        .body("data", empty());
  }

  @Test
  void tokenHoldersSeeTheFullRepresentationAndAnonymousReadersThePublicOne() {
    long article = ArticleFixture.published().createId();
    String email = "reader-" + Api.unique() + "@example.org";
    CommentFixture.on(article).email(email).postApproved();

    Api.withToken(Tokens.secret("preview"))
        .when()
        .get(CommentFixture.path(article))
        .then()
        .statusCode(200)
        .body("data[0].authorEmail", equalTo(email))
        .body("data[0].status", equalTo("approved"))
        .body("data[0]", hasKey("updatedAt"));
    Api.anonymous()
        .when()
        .get(CommentFixture.path(article))
        .then()
        .statusCode(200)
        .body("data[0]", not(hasKey("authorEmail")))
        .body("data[0]", not(hasKey("status")))
        .body("data[0]", not(hasKey("updatedAt")));
  }

  @Test
  void commentsOfAMissingArticleAreNotFound() {
    Api.anonymous()
        .when()
        .get(CommentFixture.path(Long.MAX_VALUE))
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void theArticleCountsItsApprovedCommentsOnly() {
    long article = ArticleFixture.published().createId();
    CommentFixture.on(article).postApproved();
    CommentFixture.on(article).postApproved();
    CommentFixture.on(article).postId();

    Api.anonymous()
        .when()
        .get("/api/v1/articles/" + article)
        .then()
        .statusCode(200)
        .body("commentCount", equalTo(2));
  }
}
