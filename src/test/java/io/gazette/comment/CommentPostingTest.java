package io.gazette.comment;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.gazette.support.CommentFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CommentPostingTest {

  private static RequestSpecification posting(CommentFixture comment) {
    return Api.anonymous().contentType(ContentType.JSON).body(comment.fields());
  }

  private static RequestSpecification posting(Map<String, ?> body) {
    return Api.anonymous().contentType(ContentType.JSON).body(body);
  }

  @Test
  void anyoneMayPostACommentWhichAwaitsModeration() {
    long article = ArticleFixture.published().createId();

    ExtractableResponse<Response> response =
        posting(CommentFixture.on(article).body("First!").with("authorName", "Ann"))
            .when()
            .post(CommentFixture.path(article))
            .then()
            .statusCode(201)
            .contentType(ContentType.JSON)
            .body("status", equalTo("pending"))
            .body("articleId", equalTo((int) article))
            .body("parentId", nullValue())
            .body("authorName", equalTo("Ann"))
            .body("authorUrl", nullValue())
            .body("body", equalTo("First!"))
            .body("bodyHtml", equalTo("First!"))
            .body("replyCount", equalTo(0))
            .body("$", not(hasKey("authorEmail")))
            .extract();

    assertThat(response.header("Location"), endsWith("/api/v1/comments/" + response.path("id")));
  }

  @Test
  void aCommentCanBePostedToAnArticleBySlug() {
    String slug = "comment-slug-" + Api.unique();
    long article = ArticleFixture.published().slug(slug).createId();

    posting(CommentFixture.on(slug))
        .when()
        .post(CommentFixture.path(slug))
        .then()
        .statusCode(201)
        .body("articleId", equalTo((int) article));
  }

  @Test
  void aPendingCommentIsNotPublicUntilApproved() {
    long article = ArticleFixture.published().createId();
    long id = CommentFixture.on(article).postId();

    Api.anonymous()
        .when()
        .get(CommentFixture.path(article))
        .then()
        .statusCode(200)
        .body("data", org.hamcrest.Matchers.empty());

    CommentFixture.moderate(id, "approved");

    Api.anonymous()
        .when()
        .get(CommentFixture.path(article))
        .then()
        .statusCode(200)
        .body("data.id", org.hamcrest.Matchers.contains((int) id));
  }

  @Test
  void missingRequiredFieldsAreEachNamed() {
    long article = ArticleFixture.published().createId();

    posting(Map.of())
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("errors.field", containsInAnyOrder("authorName", "authorEmail", "body"));
  }

  @Test
  void invalidFieldsAreEachNamed() {
    long article = ArticleFixture.published().createId();

    posting(
            Map.of(
                "authorName",
                "x".repeat(101),
                "authorEmail",
                "not-an-address",
                "authorUrl",
                "javascript:alert(1)",
                "body",
                "b".repeat(10_001),
                "parentId",
                0))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "errors.field",
            containsInAnyOrder("authorName", "authorEmail", "authorUrl", "body", "parentId"));
  }

  @Test
  void blankRequiredFieldsAreRejected() {
    long article = ArticleFixture.published().createId();

    posting(Map.of("authorName", "  ", "authorEmail", "a@example.com", "body", " \n "))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("authorName", "body"));
  }

  @Test
  void anEmailWithoutADomainIsRejected() {
    long article = ArticleFixture.published().createId();

    posting(CommentFixture.on(article).email("reader@localhost"))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("authorEmail"));
  }

  @Test
  void anEmailLongerThan254CharactersIsRejected() {
    long article = ArticleFixture.published().createId();

    String domain = String.join(".", "b".repeat(60), "c".repeat(60), "d".repeat(60), "eee", "com");
    String email = "a".repeat(64) + "@" + domain; // 255 characters, each part within its limit

    posting(CommentFixture.on(article).email(email))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("authorEmail"));
  }

  @Test
  void onlyHttpAndHttpsAuthorUrlsAreAccepted() {
    long article = ArticleFixture.published().createId();

    for (String url :
        new String[] {
          "ftp://example.com/",
          "example.com",
          "data:text/html,hi",
          "https://example.com:99999/",
          "https://example.com:65536/",
          "https://bü cher.example/",
          "https://bücher.example:65536/",
          "https://bücher..example/",
          "https://trusted.example@evil.example/",
          "https://x.example\u3002evil.com/",
          "https://google.com\uFF03@evil.com/",
          "https://e\u200Dvil.example/",
          "https://e\u00ADvil.example/",
          "https://e\u034Fvil.example/",
          "https://example.com:0/"
        }) {
      posting(CommentFixture.on(article).with("authorUrl", url))
          .when()
          .post(CommentFixture.path(article))
          .then()
          .statusCode(400)
          .body("errors.field", containsInAnyOrder("authorUrl"));
    }
    posting(CommentFixture.on(article).with("authorUrl", "https://blog.example.com/me"))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(201)
        .body("authorUrl", equalTo("https://blog.example.com/me"));
    posting(CommentFixture.on(article).with("authorUrl", "https://blog.example.com:65535/me"))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(201);
    for (String internationalised :
        new String[] {"https://bücher.example/", "http://例え.jp:8080/päth?q=ü#é"}) {
      posting(CommentFixture.on(article).with("authorUrl", internationalised))
          .when()
          .post(CommentFixture.path(article))
          .then()
          .statusCode(201)
          .body("authorUrl", equalTo(internationalised));
    }
  }

  @Test
  void anAuthorUrlLongerThan500CharactersIsRejected() {
    long article = ArticleFixture.published().createId();

    posting(CommentFixture.on(article).with("authorUrl", "https://example.com/" + "p".repeat(481)))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("authorUrl"));
  }

  @Test
  void unknownFieldsAreRejectedByName() {
    long article = ArticleFixture.published().createId();

    posting(CommentFixture.on(article).with("website", "https://example.com"))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("website"));
  }

  @Test
  void wrongJsonTypesAreRejectedByName() {
    long article = ArticleFixture.published().createId();

    posting(CommentFixture.on(article).with("parentId", "12").with("authorName", 7))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("parentId", "authorName"));
  }

  @Test
  void malformedJsonIsA400Problem() {
    long article = ArticleFixture.published().createId();

    Api.anonymous()
        .contentType(ContentType.JSON)
        .body("{\"authorName\": ")
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void readOnlyFieldsInThePostTakeNoEffect() {
    long article = ArticleFixture.published().createId();

    posting(
            CommentFixture.on(article)
                .body("<b>hi</b>")
                .with("status", "approved")
                .with("bodyHtml", "<script>alert(1)</script>")
                .with("replyCount", 99)
                .with("id", 1))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(201)
        .body("status", equalTo("pending"))
        .body("bodyHtml", equalTo("&lt;b&gt;hi&lt;/b&gt;"))
        .body("replyCount", equalTo(0))
        .body("id", not(equalTo(1)));
  }

  @Test
  void theBodyIsPlainTextRenderedAsEscapedHtmlWithLineBreaks() {
    long article = ArticleFixture.published().createId();

    posting(
            CommentFixture.on(article)
                .body("<script>alert('x')</script> & \"friends\"\r\nsecond line\nthird"))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(201)
        .body("body", equalTo("<script>alert('x')</script> & \"friends\"\nsecond line\nthird"))
        .body(
            "bodyHtml",
            equalTo(
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;friends&quot;<br>\n"
                    + "second line<br>\nthird"));
  }

  @Test
  void trimmingKeepsTheMarksThatCloseADirectionalOverride() {
    long article = ArticleFixture.published().createId();

    posting(
            CommentFixture.on(article)
                .with("authorName", " Bob\u202Eevil\u202C ")
                .body("He said \u2067quoted\u2069\u200B"))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(201)
        .body("authorName", equalTo("Bob\u202Eevil\u202C"))
        .body("body", equalTo("He said \u2067quoted\u2069"));
  }

  @Test
  void everyKindOfLineBreakIsABreakInTheHtml() {
    long article = ArticleFixture.published().createId();

    posting(CommentFixture.on(article).body("a\u2028b\u2029c\u0085d\u000Be\u000Cf"))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(201)
        .body("bodyHtml", equalTo("a<br>\nb<br>\nc<br>\nd<br>\ne<br>\nf"));
  }

  @Test
  void commentsOnAnArticleWithClosedCommentsAreForbidden() {
    long article = ArticleFixture.published().with("commentsOpen", false).createId();

    posting(CommentFixture.on(article))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void commentsOnADraftAreNotFoundForAnonymousReaders() {
    long draft = ArticleFixture.draft().createId();

    posting(CommentFixture.on(draft))
        .when()
        .post(CommentFixture.path(draft))
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void commentsOnAScheduledArticleAreNotFoundForAnonymousReaders() {
    long scheduled =
        ArticleFixture.published().publishedAt(Instant.now().plus(1, ChronoUnit.DAYS)).createId();

    posting(CommentFixture.on(scheduled))
        .when()
        .post(CommentFixture.path(scheduled))
        .then()
        .statusCode(404);
  }

  @Test
  void commentsOnAMissingArticleAreNotFound() {
    posting(CommentFixture.on("no-such-article-" + Api.unique()))
        .when()
        .post(CommentFixture.path("no-such-article-" + Api.unique()))
        .then()
        .statusCode(404);
  }

  @Test
  void aReplyToAnApprovedCommentOfTheSameArticleIsAccepted() {
    long article = ArticleFixture.published().createId();
    long parent = CommentFixture.on(article).postApproved();

    posting(CommentFixture.on(article).replyTo(parent))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(201)
        .body("parentId", equalTo((int) parent));
  }

  @Test
  void aReplyToAMissingCommentIsRejectedNamingParentId() {
    long article = ArticleFixture.published().createId();

    posting(CommentFixture.on(article).replyTo(Long.MAX_VALUE))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", containsInAnyOrder("parentId"));
  }

  @Test
  void aReplyToAPendingCommentIsRejectedNamingParentId() {
    long article = ArticleFixture.published().createId();
    long pending = CommentFixture.on(article).postId();

    posting(CommentFixture.on(article).replyTo(pending))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("parentId"));
  }

  @Test
  void aReplyToACommentOfAnotherArticleIsRejectedNamingParentId() {
    long article = ArticleFixture.published().createId();
    long other = ArticleFixture.published().createId();
    long foreign = CommentFixture.on(other).postApproved();

    posting(CommentFixture.on(article).replyTo(foreign))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("parentId"));
  }

  @Test
  void postingNeedsJson() {
    long article = ArticleFixture.published().createId();

    Api.anonymous()
        .contentType(ContentType.TEXT)
        .body("hello")
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
  }

  @Test
  void anInvalidTokenIsRejectedEvenThoughPostingNeedsNone() {
    long article = ArticleFixture.published().createId();

    Api.withToken("gz_not-a-real-token")
        .contentType(ContentType.JSON)
        .body(CommentFixture.on(article).fields())
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
  }

  @Test
  void theSameCommentFromTheSameEmailTwiceWithinTenMinutesIsAConflict() {
    long article = ArticleFixture.published().createId();
    CommentFixture comment = CommentFixture.on(article);
    comment.post();

    Api.anonymous()
        .contentType(ContentType.JSON)
        .body(comment.fields())
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    CommentFixture.on(article)
        .email((String) comment.fields().get("authorEmail"))
        .body("A different thought")
        .post();
  }

  @Test
  void theSameCommentPostedConcurrentlyIsStoredOnce() throws Exception {
    long article = ArticleFixture.published().createId();
    Map<String, Object> fields = CommentFixture.on(article).fields();
    int posters = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(posters);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < posters; i++) {
      answers.add(
          pool.submit(
              () -> {
                start.await();
                return Api.anonymous()
                    .contentType(ContentType.JSON)
                    .body(fields)
                    .when()
                    .post(CommentFixture.path(article))
                    .statusCode();
              }));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> answer : answers) {
      statuses.add(answer.get(30, TimeUnit.SECONDS));
    }
    pool.shutdown();

    assertThat(statuses, containsInAnyOrder(201, 409, 409, 409, 409, 409, 409, 409));
    Api.admin()
        .when()
        .get("/api/v1/comments?status=any&articleId=" + article)
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(1));
  }

  /** Every character of {@code text} as a JSON {@code \\uXXXX} escape: 6 bytes each. */
  private static String escaped(String text) {
    StringBuilder json = new StringBuilder(text.length() * 6);
    text.chars().forEach(c -> json.append(String.format("\\u%04x", c)));
    return json.toString();
  }

  @Test
  void theLargestValidCommentIsAcceptedEvenWithEveryCharacterEscaped() {
    long article = ArticleFixture.published().createId();
    String email = "r".repeat(64) + "@" + "d".repeat(60) + "." + "e".repeat(60) + ".example.org";
    String json =
        "{\"authorName\": \""
            + escaped("\u0416".repeat(100))
            + "\", \"authorEmail\": \""
            + escaped(email)
            + "\", \"authorUrl\": \""
            + escaped("https://example.org/" + "p".repeat(480))
            + "\", \"body\": \""
            + escaped("\u0436".repeat(10_000))
            + "\"}";
    assertThat(json.length() > 64_000, equalTo(true));

    Api.anonymous()
        .contentType(ContentType.JSON)
        .body(json.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(201)
        .body("body", equalTo("\u0436".repeat(10_000)))
        .body("authorName", equalTo("\u0416".repeat(100)));
  }

  @Test
  void aBodyLargerThanAnyValidCommentIsRefusedWithoutATokenBeforeItIsRead() {
    long article = ArticleFixture.published().createId();

    posting(CommentFixture.on(article).body("b".repeat(200 * 1024)))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", equalTo("https://gazette.dev/problems/payload-too-large"))
        .body("detail", org.hamcrest.Matchers.containsString("without a token (131072 bytes)"));

    Api.admin()
        .when()
        .get("/api/v1/comments?status=any&articleId=" + article)
        .then()
        .statusCode(200)
        .body("data", org.hamcrest.Matchers.empty());
  }

  @Test
  void aTokenHolderMaySendTheOrdinaryBodySize() {
    long article = ArticleFixture.published().createId();

    Api.admin()
        .contentType(ContentType.JSON)
        .body(CommentFixture.on(article).body("b".repeat(200 * 1024)).fields())
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", org.hamcrest.Matchers.contains("body"));
  }

  private static final String EMOJI = "\uD83D\uDE00"; // one character, two UTF-16 units

  @Test
  void lengthLimitsCountCharactersNotUtf16Units() {
    long article = ArticleFixture.published().createId();

    posting(
            CommentFixture.on(article)
                .with("authorName", EMOJI.repeat(100))
                .with("authorUrl", "https://example.org/" + EMOJI.repeat(480))
                .body(EMOJI.repeat(10_000)))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(201)
        .body("authorName", equalTo(EMOJI.repeat(100)))
        .body("authorUrl", equalTo("https://example.org/" + EMOJI.repeat(480)))
        .body("body", equalTo(EMOJI.repeat(10_000)));
    posting(
            CommentFixture.on(article)
                .with("authorName", EMOJI.repeat(101))
                .with("authorUrl", "https://example.org/" + EMOJI.repeat(481))
                .body(EMOJI.repeat(10_001)))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("authorName", "authorUrl", "body"));
  }

  @Test
  void theLargestValidCommentOfEmojiIsAcceptedWithoutATokenEvenWithEveryCharacterEscaped() {
    long article = ArticleFixture.published().createId();
    String email = "r".repeat(64) + "@" + "d".repeat(60) + "." + "e".repeat(60) + ".example.org";
    String json =
        "{\"authorName\": \""
            + escaped(EMOJI.repeat(100))
            + "\", \"authorEmail\": \""
            + escaped(email)
            + "\", \"authorUrl\": \""
            + escaped("https://example.org/" + EMOJI.repeat(480))
            + "\", \"body\": \""
            + escaped(EMOJI.repeat(10_000))
            + "\"}";
    assertThat(json.length() > 128_000, equalTo(true));

    Api.anonymous()
        .contentType(ContentType.JSON)
        .body(json.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(201)
        .body("body", equalTo(EMOJI.repeat(10_000)));
  }

  @Test
  void anAuthorNameOfOnlyInvisibleCharactersIsRequired() {
    long article = ArticleFixture.published().createId();

    for (String blank : List.of("\u200b", "\u00a0", "\u3000\ufeff")) {
      posting(CommentFixture.on(article).with("authorName", blank))
          .when()
          .post(CommentFixture.path(article))
          .then()
          .statusCode(400)
          .body("errors.field", equalTo(List.of("authorName")))
          .body("errors.message", equalTo(List.of("is required")));
    }
    posting(CommentFixture.on(article).body("\u00a0\u200b\n\u2060"))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("body")));
  }

  @Test
  void invisibleCharactersAroundTheAuthorNameAreTrimmed() {
    long article = ArticleFixture.published().createId();

    posting(CommentFixture.on(article).with("authorName", "\u00a0Ann\u200b"))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(201)
        .body("authorName", equalTo("Ann"));
  }

  @Test
  void controlCharactersAreRejectedInTheAuthorNameButTheBodyMayHoldLinesAndTabs() {
    long article = ArticleFixture.published().createId();

    for (String name : List.of("a\u0007b", "a\nb", "a\tb")) {
      posting(CommentFixture.on(article).with("authorName", name))
          .when()
          .post(CommentFixture.path(article))
          .then()
          .statusCode(400)
          .body("errors.field", equalTo(List.of("authorName")))
          .body(
              "errors.message",
              equalTo(
                  List.of(
                      "must be a single line without control characters (such as line breaks"
                          + " or tabs)")));
    }
    posting(CommentFixture.on(article).body("Two\nlines\tand a tab " + Api.unique()))
        .when()
        .post(CommentFixture.path(article))
        .then()
        .statusCode(201);
  }
}
