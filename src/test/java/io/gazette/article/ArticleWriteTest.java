package io.gazette.article;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.gazette.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleWriteTest {

  @Test
  void createReturns201WithLocationEtagAndTheStoredArticle() {
    String title = "Kerry lands in Geneva " + Api.unique();

    ExtractableResponse<Response> created =
        Api.admin()
            .contentType(ContentType.JSON)
            .body(Map.of("title", title, "body", "Hello *world*", "source", "SHAFAQNA"))
            .when()
            .post("/api/v1/articles")
            .then()
            .statusCode(201)
            .header("ETag", matchesPattern("\"[^\"]+\""))
            .body("title", equalTo(title))
            .body("status", equalTo("draft"))
            .body("version", equalTo(1))
            .body("commentsOpen", equalTo(true))
            .body("commentCount", equalTo(0))
            .body("tags", hasSize(0))
            .body("publishedAt", nullValue())
            .body("bodyHtml", equalTo("<p>Hello <em>world</em></p>\n"))
            .body("createdAt", matchesPattern(".*Z"))
            .extract();

    String location = created.header("Location");
    org.hamcrest.MatcherAssert.assertThat(
        location, endsWith("/api/v1/articles/" + created.path("id")));
    Api.admin().when().get(location).then().statusCode(200).body("title", equalTo(title));
  }

  @Test
  void slugIsGeneratedFromTheTitleWithTransliteration() {
    String marker = Api.unique();

    ArticleFixture.draft()
        .title("Ελλάδα & Россия’s “talks” " + marker)
        .create()
        .response()
        .then()
        .body("slug", equalTo("ellada-rossias-talks-" + marker));
  }

  @Test
  void collidingGeneratedSlugGetsANumberedSuffix() {
    String title = "Same headline " + Api.unique();

    String first = ArticleFixture.draft().title(title).create().path("slug");
    String second = ArticleFixture.draft().title(title).create().path("slug");
    String third = ArticleFixture.draft().title(title).create().path("slug");

    org.junit.jupiter.api.Assertions.assertEquals(
        List.of(first + "-2", first + "-3"), List.of(second, third));
  }

  @Test
  void articlesCreatedAtOnceWithOneTitleAllGetTheirOwnSlug() throws Exception {
    String title = "Parallel headline " + Api.unique();
    int writers = 12;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<ExtractableResponse<Response>>> created = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        created.add(
            pool.submit(
                () -> {
                  start.await();
                  return ArticleFixture.draft().title(title).create();
                }));
      }
      start.countDown();
      Set<String> slugs = new HashSet<>();
      for (Future<ExtractableResponse<Response>> response : created) {
        org.junit.jupiter.api.Assertions.assertEquals(
            201, response.get(60, TimeUnit.SECONDS).statusCode());
        slugs.add(response.get().path("slug"));
      }
      org.junit.jupiter.api.Assertions.assertEquals(writers, slugs.size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void explicitCollidingSlugIsAConflict() {
    String slug = "taken-" + Api.unique();
    ArticleFixture.draft().slug(slug).create();

    Api.admin()
        .contentType(ContentType.JSON)
        .body(ArticleFixture.draft().slug(slug).body())
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString(slug));
  }

  @Test
  void numericSlugIsRejectedBecauseNumbersAreIds() {
    Api.admin()
        .contentType(ContentType.JSON)
        .body(ArticleFixture.draft().slug("12345").body())
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("slug")));
  }

  @Test
  void aPublicationTimeWhoseYearIsNotFourDigitsIsRefused() {
    Api.admin()
        .contentType(ContentType.JSON)
        .body(Map.of("title", "Far future", "publishedAt", "+10000-01-01T00:00:00Z"))
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", equalTo(List.of("publishedAt")));
  }

  @Test
  void publicationTimesFromYear1To9999AreStoredAndReadBackExactly() {
    for (String time :
        List.of(
            "0001-01-01T00:00:00Z",
            "1000-01-01T00:00:00Z",
            "1500-01-01T00:00:00Z",
            "1582-10-10T12:00:00Z",
            "9999-12-31T23:59:59Z",
            "9999-12-31T23:59:59.999999Z")) {
      long id =
          ArticleFixture.published()
              .with("publishedAt", time)
              .create()
              .response()
              .then()
              .body("publishedAt", equalTo(time))
              .extract()
              .jsonPath()
              .getLong("id");

      Api.admin()
          .when()
          .get("/api/v1/articles/" + id)
          .then()
          .statusCode(200)
          .body("publishedAt", equalTo(time));
      org.junit.jupiter.api.Assertions.assertEquals(
          1,
          Sql.number(
              "select count(*) from article where id = ? and published_at = ?::timestamptz",
              id,
              time),
          time + " as PostgreSQL holds it");
      Api.admin()
          .contentType(ContentType.JSON)
          .body(Map.of("title", "Renamed " + time))
          .when()
          .patch("/api/v1/articles/" + id)
          .then()
          .statusCode(200)
          .body("publishedAt", equalTo(time));
      Api.admin()
          .when()
          .get("/api/v1/articles/" + id)
          .then()
          .body("title", equalTo("Renamed " + time))
          .body("publishedAt", equalTo(time));
    }
  }

  @Test
  void publicationTimesOutsideYears1To9999InUtcAreRefused() {
    for (String time :
        List.of(
            "0000-01-01T00:00:00+01:00",
            "0000-12-31T23:59:59.999999Z",
            "0001-01-01T00:00:00+00:01",
            "9999-12-31T23:59:59-01:00",
            "9999-12-31T23:30:00-00:30")) {
      Api.admin()
          .contentType(ContentType.JSON)
          .body(ArticleFixture.published().with("publishedAt", time).body())
          .when()
          .post("/api/v1/articles")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", equalTo(List.of("publishedAt")))
          .body(
              "errors[0].message",
              equalTo("must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z"));
    }
    ArticleFixture.published()
        .with("publishedAt", "0001-01-01T01:00:00+01:00")
        .create()
        .response()
        .then()
        .body("publishedAt", equalTo("0001-01-01T00:00:00Z"));
    ArticleFixture.published()
        .with("publishedAt", "9999-12-31T23:59:59+01:00")
        .create()
        .response()
        .then()
        .body("publishedAt", equalTo("9999-12-31T22:59:59Z"));
  }

  @Test
  void aPublicationTimeWithAFractionPointButNoDigitsIsRefused() {
    for (String time : List.of("2016-09-09T18:11:00.Z", "2016-09-09T21:11:00.+03:00")) {
      Api.admin()
          .contentType(ContentType.JSON)
          .body(ArticleFixture.published().with("publishedAt", time).body())
          .when()
          .post("/api/v1/articles")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", equalTo(List.of("publishedAt")))
          .body(
              "errors[0].message",
              equalTo("must be an RFC 3339 date-time, such as 2016-09-09T18:11:00Z"));
    }
  }

  @Test
  void publicationTimesKeepMicrosecondsAndDropFurtherDigits() {
    long id =
        ArticleFixture.published()
            .with("publishedAt", "2016-09-09T21:11:00.123456789+03:00")
            .create()
            .response()
            .then()
            .body("publishedAt", equalTo("2016-09-09T18:11:00.123456Z"))
            .extract()
            .jsonPath()
            .getLong("id");

    Api.anonymous()
        .when()
        .get("/api/v1/articles/" + id)
        .then()
        .body("publishedAt", equalTo("2016-09-09T18:11:00.123456Z"));
  }

  @Test
  void everyInvalidFieldIsNamedInOneProblem() {
    Map<String, Object> body =
        Map.of(
            "title", "   ",
            "slug", "Not A Slug",
            "status", "live",
            "publishedAt", "yesterday",
            "tags", List.of("Upper", "ok", "ok"),
            "commentsOpen", "yes",
            "colour", "red");

    Api.admin()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("https://gazette.dev/problems/validation-error"))
        .body(
            "errors.field",
            org.hamcrest.Matchers.containsInAnyOrder(
                "title",
                "slug",
                "status",
                "publishedAt",
                "tags[0]",
                "tags[2]",
                "commentsOpen",
                "colour"));
  }

  @Test
  void readOnlyFieldsInTheBodyNeverTakeEffect() {
    Map<String, Object> body = new java.util.HashMap<>(ArticleFixture.draft().body());
    body.putAll(
        Map.of(
            "id",
            999999999,
            "version",
            77,
            "commentCount",
            12,
            "createdAt",
            "2000-01-01T00:00:00Z",
            "updatedAt",
            "2000-01-01T00:00:00Z",
            "bodyHtml",
            "<script>x</script>"));

    Api.admin()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .body("id", not(equalTo(999999999)))
        .body("version", equalTo(1))
        .body("commentCount", equalTo(0))
        .body("createdAt", not(equalTo("2000-01-01T00:00:00Z")))
        .body("bodyHtml", not(containsString("script")));
  }

  @Test
  void markdownIsRenderedAndSanitised() {
    String markdown =
        "Hi <script>alert(1)</script> [x](javascript:alert(1))"
            + " <img src=\"a.png\" onerror=\"alert(1)\"> <a href=\"https://example.org\" onclick=\"x()\">ok</a>";

    ArticleFixture.draft()
        .with("body", markdown)
        .create()
        .response()
        .then()
        .body("bodyHtml", not(containsString("<script")))
        .body("bodyHtml", not(containsString("javascript:")))
        .body("bodyHtml", not(containsString("onerror")))
        .body("bodyHtml", not(containsString("onclick")))
        .body("bodyHtml", containsString("href=\"https://example.org\""));
  }

  @Test
  void anElementLeftOpenThatWouldSwallowTheRestOfTheArticleIsShownAsText() {
    for (String element : new String[] {"title", "textarea", "script", "style", "iframe"}) {
      ArticleFixture.draft()
          .with("body", "Use the <" + element + "> element.\n\nThe next paragraph stays.")
          .create()
          .response()
          .then()
          .body("bodyHtml", containsString("Use the &lt;" + element + "&gt; element."))
          .body("bodyHtml", containsString("<p>The next paragraph stays.</p>"));
    }
    ArticleFixture.draft()
        .with("body", "Before <script>alert(1)</script> after.")
        .create()
        .response()
        .then()
        .body("bodyHtml", equalTo("<p>Before  after.</p>\n"))
        .body("summary", equalTo("Before after."));
  }

  @Test
  void listNumbersTitlesTableSpansAndTextElementsSurviveSanitising() {
    ArticleFixture.draft()
        .with(
            "body",
            "3. third\n4. fourth\n\n[site](https://example.org \"The site\") "
                + "<abbr title=\"World Health Organization\">WHO</abbr> <kbd>Ctrl</kbd> "
                + "<mark>marked</mark> <q>quoted</q> <time datetime=\"2016-09-09\">then</time>"
                + "\n\n<table><tr><td colspan=\"2\" rowspan=\"3\">wide</td></tr></table>")
        .create()
        .response()
        .then()
        .body("bodyHtml", containsString("<ol start=\"3\">"))
        .body("bodyHtml", containsString("title=\"The site\""))
        .body("bodyHtml", containsString("<abbr title=\"World Health Organization\">WHO</abbr>"))
        .body("bodyHtml", containsString("<kbd>Ctrl</kbd>"))
        .body("bodyHtml", containsString("<mark>marked</mark>"))
        .body("bodyHtml", containsString("<q>quoted</q>"))
        .body("bodyHtml", containsString("<time datetime=\"2016-09-09\">then</time>"))
        .body("bodyHtml", containsString("colspan=\"2\""))
        .body("bodyHtml", containsString("rowspan=\"3\""));
  }

  @Test
  void aRefusedLinkTargetLeavesNoLinkToThePageItself() {
    ArticleFixture.draft()
        .with(
            "body", "[one](javascript:alert(1)) [two](/\\evil.example) [three](https://ok.example)")
        .create()
        .response()
        .then()
        .body("bodyHtml", not(containsString("href=\"\"")))
        .body("bodyHtml", not(containsString("evil.example")))
        .body("bodyHtml", containsString("href=\"https://ok.example\""));
  }

  @Test
  void summaryDefaultsToTheFirstParagraphAsPlainText() {
    String longWords = "word ".repeat(100);

    ArticleFixture.draft()
        .with("body", "Lead with **bold** and <b>html</b>.\n\nSecond.")
        .create()
        .response()
        .then()
        .body("summary", equalTo("Lead with bold and html."));
    String cut = ArticleFixture.draft().with("body", longWords).create().path("summary");
    org.junit.jupiter.api.Assertions.assertTrue(cut.length() <= 300, cut);
    org.junit.jupiter.api.Assertions.assertTrue(cut.endsWith("word…"), cut);
    ArticleFixture.draft()
        .with("summary", "Given summary")
        .create()
        .response()
        .then()
        .body("summary", equalTo("Given summary"));
  }

  @Test
  void publishingWithoutATimeStampsNowAndInputOffsetsAreNormalisedToUtc() {
    ArticleFixture.published()
        .create()
        .response()
        .then()
        .body("publishedAt", notNullValue())
        .body("publishedAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"));
    ArticleFixture.published()
        .with("publishedAt", "2016-09-09T21:11:00+03:00")
        .create()
        .response()
        .then()
        .body("publishedAt", equalTo("2016-09-09T18:11:00Z"));
  }

  @Test
  void bodyOverOneMebibyteIsRejected() {
    Api.admin()
        .contentType(ContentType.JSON)
        .body(ArticleFixture.draft().with("body", "a".repeat(1024 * 1024 + 1)).body())
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("body")));
  }

  @Test
  void titleIsTrimmedAndLimitedTo300Characters() {
    ArticleFixture.draft()
        .title("  Padded title " + Api.unique().substring(0, 2) + "  ")
        .create()
        .response()
        .then()
        .body("title", matchesPattern("Padded title ..$"));
    Api.admin()
        .contentType(ContentType.JSON)
        .body(ArticleFixture.draft().title("t".repeat(301)).body())
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(400)
        .body("errors.field", equalTo(List.of("title")));
  }

  private static final String EMOJI = "\uD83D\uDE00"; // one character, two UTF-16 units

  @Test
  void lengthLimitsCountCharactersNotUtf16Units() {
    ArticleFixture.draft()
        .title(EMOJI.repeat(300))
        .with("summary", EMOJI.repeat(1000))
        .with("source", EMOJI.repeat(200))
        .with("author", EMOJI.repeat(200))
        .tags(EMOJI.repeat(50))
        .create()
        .response()
        .then()
        .body("title", equalTo(EMOJI.repeat(300)))
        .body("summary", equalTo(EMOJI.repeat(1000)))
        .body("source", equalTo(EMOJI.repeat(200)))
        .body("author", equalTo(EMOJI.repeat(200)))
        .body("tags", equalTo(List.of(EMOJI.repeat(50))));

    Api.admin()
        .contentType(ContentType.JSON)
        .body(
            ArticleFixture.draft()
                .title(EMOJI.repeat(301))
                .with("summary", EMOJI.repeat(1001))
                .with("source", EMOJI.repeat(201))
                .with("author", EMOJI.repeat(201))
                .tags(EMOJI.repeat(51))
                .body())
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(400)
        .body(
            "errors.field",
            org.hamcrest.Matchers.containsInAnyOrder(
                "title", "summary", "source", "author", "tags[0]"));
  }

  @Test
  void theDerivedSummaryNeverSplitsACharacter() {
    String whole = EMOJI.repeat(200);
    long shortBody = ArticleFixture.draft().with("body", whole).createId();
    long longBody = ArticleFixture.draft().with("body", EMOJI.repeat(400)).createId();
    long wordsBody =
        ArticleFixture.draft().with("body", (EMOJI.repeat(9) + " ").repeat(40)).createId();

    Api.admin().when().get("/api/v1/articles/" + shortBody).then().body("summary", equalTo(whole));
    Api.admin()
        .when()
        .get("/api/v1/articles/" + longBody)
        .then()
        .body("summary", equalTo(EMOJI.repeat(299) + "…"));
    String cut = Api.admin().when().get("/api/v1/articles/" + wordsBody).path("summary");
    org.junit.jupiter.api.Assertions.assertEquals(
        (EMOJI.repeat(9) + " ").repeat(29) + EMOJI.repeat(9) + "…", cut);
  }

  @Test
  void theDerivedSummaryKeepsFlagsToneModifiersAndJoinedEmojiWhole() {
    String flag = "\uD83C\uDDFA\uD83C\uDDF8"; // two regional indicators
    String thumb = "\uD83D\uDC4D\uD83C\uDFFD"; // with a skin tone
    String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // joined by ZWJ
    for (String character : List.of(flag, thumb, family)) {
      long id = ArticleFixture.draft().with("body", character.repeat(200)).createId();
      String summary = Api.admin().get("/api/v1/articles/" + id).path("summary");
      org.junit.jupiter.api.Assertions.assertTrue(summary.endsWith("…"), summary);
      String head = summary.substring(0, summary.length() - 1);
      org.junit.jupiter.api.Assertions.assertEquals(
          "", head.replace(character, ""), "only whole characters before the ellipsis");
    }
    long invisible = ArticleFixture.draft().with("body", "\u00a0\n\n\u200b").createId();
    Api.admin().get("/api/v1/articles/" + invisible).then().body("summary", nullValue());
  }

  @Test
  void aBlankSlugIsGeneratedFromTheTitleAndAPaddedOneIsTrimmed() {
    String marker = Api.unique();

    for (String blank : List.of("", " ", "\u00a0")) {
      ArticleFixture.draft()
          .title("Blank slug " + marker)
          .slug(blank)
          .create()
          .response()
          .then()
          .body("slug", org.hamcrest.Matchers.startsWith("blank-slug-" + marker));
    }
    ArticleFixture.draft()
        .slug(" padded-" + marker + " ")
        .create()
        .response()
        .then()
        .body("slug", equalTo("padded-" + marker));
  }

  @Test
  void aBadSlugIsReportedWithItsOneProblem() {
    Map<String, String> problems =
        Map.of(
            "Not A Slug",
            "must contain only lowercase letters a-z, digits and hyphens",
            "2016",
            "must not be all digits (numbers are ids)",
            "s".repeat(201),
            "must be 1 to 200 characters");

    problems.forEach(
        (slug, message) ->
            Api.admin()
                .contentType(ContentType.JSON)
                .body(ArticleFixture.draft().slug(slug).body())
                .when()
                .post("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("slug")))
                .body("errors.message", equalTo(List.of(message))));
  }

  @Test
  void aTitleOfOnlyInvisibleCharactersIsRequired() {
    for (String blank : List.of("\u00a0\u00a0", "\u3000", "\u200b", "\ufeff", " \u2060\u00a0 ")) {
      Api.admin()
          .contentType(ContentType.JSON)
          .body(ArticleFixture.draft().title(blank).body())
          .when()
          .post("/api/v1/articles")
          .then()
          .statusCode(400)
          .body("errors.field", equalTo(List.of("title")))
          .body("errors.message", equalTo(List.of("is required")));
    }
  }

  @Test
  void invisibleCharactersAroundTextAreTrimmedAndBlankOptionalTextIsNull() {
    String marker = Api.unique();

    ArticleFixture.draft()
        .title("\u00a0\u200bInvisible padding " + marker + "\ufeff\u3000")
        .with("source", "\u00a0SHAFAQNA\u200b")
        .with("author", "\u200b\u00a0")
        .with("summary", "\u3000")
        .create()
        .response()
        .then()
        .body("title", equalTo("Invisible padding " + marker))
        .body("source", equalTo("SHAFAQNA"))
        .body("author", nullValue())
        .body("summary", equalTo("First paragraph of the test article."));
  }

  @Test
  void controlCharactersAreRejectedInSingleLineFieldsOnly() {
    String message =
        "must be a single line without control characters (such as line breaks or tabs)";

    Api.admin()
        .contentType(ContentType.JSON)
        .body(
            ArticleFixture.draft()
                .title("a\u0007b")
                .with("source", "a\nb")
                .with("author", "a\tb")
                .tags("a\u0085b")
                .body())
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(400)
        .body(
            "errors.field",
            org.hamcrest.Matchers.containsInAnyOrder("title", "source", "author", "tags[0]"))
        .body("errors.message", org.hamcrest.Matchers.everyItem(equalTo(message)));
    ArticleFixture.draft()
        .with("summary", "Two\nlines\tand a tab")
        .with("body", "Two\nlines\tand a tab")
        .create()
        .response()
        .then()
        .body("summary", equalTo("Two\nlines\tand a tab"))
        .body("body", equalTo("Two\nlines\tand a tab"));
  }
}
