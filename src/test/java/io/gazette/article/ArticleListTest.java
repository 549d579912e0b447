package io.gazette.article;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gazette.common.Cursor;
import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleListTest {

  private static final Instant SAME_TIME = Instant.parse("2021-03-04T05:06:07Z");

  @Test
  void cursorPagingWalksEqualTimestampsWithoutSkippingOrRepeating() {
    String tag = "page-" + Api.unique();
    List<Integer> created = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      created.add((int) ArticleFixture.published().tags(tag).publishedAt(SAME_TIME).createId());
    }

    List<Integer> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var request = Api.anonymous().queryParam("tag", tag).queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      Response page = request.when().get("/api/v1/articles");
      page.then().statusCode(200).body("meta.limit", equalTo(2));
      seen.addAll(page.path("data.id"));
      cursor = page.path("meta.nextCursor");
      pages++;
    } while (cursor != null && pages < 10);

    List<Integer> expected = new ArrayList<>(created);
    expected.sort(java.util.Comparator.reverseOrder());
    assertEquals(expected, seen);
    assertEquals(4, pages);
  }

  @Test
  void cursorPagingWalksAcrossArticlesPublishedInYears1To9999() {
    String tag = "extreme-" + Api.unique();
    List<String> times =
        List.of(
            "0001-01-01T00:00:00Z",
            "1500-01-01T00:00:00Z",
            "2016-09-09T18:11:00Z",
            "9999-12-31T23:59:59Z",
            "9999-12-31T23:59:59.999999Z");
    List<Integer> created = new ArrayList<>();
    for (String time : times) {
      created.add((int) ArticleFixture.published().tags(tag).with("publishedAt", time).createId());
    }

    for (String sort : List.of("publishedAt", "-publishedAt")) {
      List<Integer> seen = new ArrayList<>();
      List<String> seenTimes = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        var request =
            Api.admin().queryParam("tag", tag).queryParam("sort", sort).queryParam("limit", 2);
        if (cursor != null) {
          request.queryParam("cursor", cursor);
        }
        Response page = request.when().get("/api/v1/articles");
        page.then().statusCode(200);
        seen.addAll(page.path("data.id"));
        seenTimes.addAll(page.path("data.publishedAt"));
        cursor = page.path("meta.nextCursor");
        pages++;
      } while (cursor != null && pages < 10);

      List<Integer> expectedIds = new ArrayList<>(created);
      List<String> expectedTimes = new ArrayList<>(times);
      if (sort.startsWith("-")) {
        java.util.Collections.reverse(expectedIds);
        java.util.Collections.reverse(expectedTimes);
      }
      assertEquals(expectedIds, seen, sort);
      assertEquals(expectedTimes, seenTimes, sort);
      assertEquals(3, pages, sort);
    }
  }

  @Test
  void timeFiltersMatchArticlesPublishedInYears1To9999AtTheirExactInstants() {
    String tag = "extreme-filter-" + Api.unique();
    int first =
        (int)
            ArticleFixture.published()
                .tags(tag)
                .with("publishedAt", "0001-01-01T00:00:00Z")
                .createId();
    int medieval =
        (int)
            ArticleFixture.published()
                .tags(tag)
                .with("publishedAt", "1500-01-01T00:00:00Z")
                .createId();
    int last =
        (int)
            ArticleFixture.published()
                .tags(tag)
                .with("publishedAt", "9999-12-31T23:59:59Z")
                .createId();

    assertEquals(List.of(last, medieval), filtered(tag, "publishedAfter", "1500-01-01T00:00:00Z"));
    assertEquals(List.of(last), filtered(tag, "publishedAfter", "1500-01-01T00:00:00.000001Z"));
    assertEquals(List.of(first), filtered(tag, "publishedBefore", "1500-01-01T00:00:00Z"));
    assertEquals(
        List.of(medieval, first), filtered(tag, "publishedBefore", "1500-01-01T00:00:00.000001Z"));
    assertEquals(
        List.of(last, medieval, first), filtered(tag, "publishedAfter", "0001-01-01T00:00:00Z"));
    assertEquals(List.of(last), filtered(tag, "publishedAfter", "9999-12-31T23:59:59Z"));
    assertEquals(
        List.of(medieval, first), filtered(tag, "publishedBefore", "9999-12-31T23:59:59Z"));
    // Anonymous readers see the years 1 and 1500, not the article scheduled for 9999.
    assertEquals(
        List.of(medieval, first),
        Api.anonymous()
            .queryParam("tag", tag)
            .queryParam("publishedAfter", "0001-01-01T00:00:00Z")
            .get("/api/v1/articles")
            .path("data.id"));
  }

  private static List<Integer> filtered(String tag, String parameter, String time) {
    return Api.admin()
        .queryParam("tag", tag)
        .queryParam(parameter, time)
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .extract()
        .path("data.id");
  }

  @Test
  void timeFiltersOutsideYears1To9999InUtcAreRefusedNamingTheParameter() {
    String[][] cases = {
      {"publishedAfter", "0000-01-01T00:00:00+01:00"},
      {"publishedAfter", "0000-12-31T23:59:59Z"},
      {"publishedBefore", "9999-12-31T23:59:59-01:00"}
    };
    for (String[] parameter : cases) {
      Api.anonymous()
          .queryParam(parameter[0], parameter[1])
          .when()
          .get("/api/v1/articles")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo(parameter[0]))
          .body(
              "errors[0].message",
              equalTo("must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z"));
    }
  }

  @Test
  void nextPageIsAdvertisedInALinkHeaderAndAbsentOnTheLastPage() {
    String tag = "link-" + Api.unique();
    for (int i = 0; i < 3; i++) {
      ArticleFixture.published().tags(tag).createId();
    }

    Response first =
        Api.anonymous().queryParam("tag", tag).queryParam("limit", 2).get("/api/v1/articles");
    first.then().header("Link", containsString("rel=\"next\""));
    String next = first.header("Link").replaceAll("^<([^>]+)>.*$", "$1");
    Response last = Api.anonymous().get(next);
    last.then()
        .statusCode(200)
        .body("data.size()", equalTo(1))
        .body("meta.nextCursor", nullValue());
    org.junit.jupiter.api.Assertions.assertNull(last.header("Link"));
  }

  @Test
  void pagesOfLargeBodiesHoldTheSameArticlesAndPagingAsPagesWithoutBodies() {
    String tag = "large-" + Api.unique();
    // About 350 KB of Markdown each: two of them with their HTML pass the size above which a page
    // is streamed instead of built in memory; the last page, one article, stays below it.
    String body = ("A sentence of a long article. ".repeat(30) + "\n\n").repeat(380);
    List<Long> created = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      created.add(ArticleFixture.published().tags(tag).with("body", body).createId());
    }
    List<Long> newestFirst = List.of(created.get(2), created.get(1), created.get(0));

    Response large =
        Api.anonymous()
            .queryParam("tag", tag)
            .queryParam("limit", 2)
            .queryParam("fields", "id,body,bodyHtml")
            .get("/api/v1/articles");
    Response small =
        Api.anonymous()
            .queryParam("tag", tag)
            .queryParam("limit", 2)
            .queryParam("fields", "id,title")
            .get("/api/v1/articles");
    large
        .then()
        .statusCode(200)
        .contentType("application/json")
        .header("Link", containsString("rel=\"next\""))
        .body(
            "data.id",
            equalTo(List.of(newestFirst.get(0).intValue(), newestFirst.get(1).intValue())))
        .body("data[0].body", equalTo(body))
        .body("data[1].bodyHtml", containsString("<p>A sentence of a long article."))
        .body("data[0]", not(hasKey("title")))
        .body("meta.limit", equalTo(2))
        .body("meta.nextCursor", equalTo(small.path("meta.nextCursor")));

    // The link is already encoded (fields=id%2Cbody%2CbodyHtml).
    Response last =
        Api.anonymous()
            .urlEncodingEnabled(false)
            .get(large.header("Link").replaceAll("^<([^>]+)>.*$", "$1"));
    last.then()
        .statusCode(200)
        .body("data.id", equalTo(List.of(newestFirst.get(2).intValue())))
        .body("data[0].body", equalTo(body))
        .body("meta.nextCursor", nullValue());

    Api.anonymous()
        .queryParam("tag", tag)
        .queryParam("limit", 3)
        .queryParam("page", 1)
        .queryParam("fields", "id,body")
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("data.id", equalTo(newestFirst.stream().map(Long::intValue).toList()))
        .body("data[2].body", equalTo(body))
        .body("meta.total", equalTo(3))
        .body("meta.page", equalTo(1));
  }

  @Test
  void numberedPagesCarryTheTotal() {
    String tag = "num-" + Api.unique();
    for (int i = 0; i < 5; i++) {
      ArticleFixture.published().tags(tag).createId();
    }

    Api.anonymous()
        .queryParam("tag", tag)
        .queryParam("limit", 2)
        .queryParam("page", 3)
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("meta.total", equalTo(5))
        .body("meta.page", equalTo(3))
        .body("data.size()", equalTo(1))
        .body("meta.nextCursor", nullValue());
  }

  @Test
  void numberedPagesOfThePublicListHoldWhatCursorPagesHold() {
    // A minute of its own, somewhere in 1990-2009, so that no other test's articles fall into it.
    Instant minute =
        Instant.parse("1990-01-01T00:00:00Z")
            .plusSeconds(60L * new java.util.Random().nextInt(10_000_000));
    List<Object> created = new ArrayList<>();
    for (int second : new int[] {5, 1, 40, 1, 59, 20}) {
      created.add(ArticleFixture.published().publishedAt(minute.plusSeconds(second)).createId());
    }
    ArticleFixture.draft().publishedAt(minute.plusSeconds(30)).createId();

    for (String sort : List.of("-publishedAt", "publishedAt")) {
      List<Object> byCursor = new ArrayList<>();
      List<Object> byPage = new ArrayList<>();
      String cursor = null;
      for (int page = 1; page <= 4; page++) {
        Response numbered =
            Api.anonymous()
                .queryParam("publishedAfter", minute.toString())
                .queryParam("publishedBefore", minute.plusSeconds(60).toString())
                .queryParam("sort", sort)
                .queryParam("limit", 2)
                .queryParam("page", page)
                .get("/api/v1/articles");
        numbered.then().statusCode(200).body("meta.total", equalTo(6));
        byPage.addAll(numbered.path("data.id"));
        if (page == 1 || cursor != null) {
          var walk =
              Api.anonymous()
                  .queryParam("publishedAfter", minute.toString())
                  .queryParam("publishedBefore", minute.plusSeconds(60).toString())
                  .queryParam("sort", sort)
                  .queryParam("limit", 2);
          Response keyset =
              (cursor == null ? walk : walk.queryParam("cursor", cursor)).get("/api/v1/articles");
          keyset.then().statusCode(200);
          byCursor.addAll(keyset.path("data.id"));
          cursor = keyset.path("meta.nextCursor");
        }
      }
      assertEquals(6, byPage.size(), sort);
      assertEquals(byCursor, byPage, sort);
      assertEquals(
          new java.util.HashSet<>(created.stream().map(id -> ((Long) id).intValue()).toList()),
          new java.util.HashSet<>(byPage),
          sort);
    }
  }

  @Test
  void sortsOrderByTheirKeyWithIdAsTieBreaker() {
    String tag = "sort-" + Api.unique();
    int banana =
        (int)
            ArticleFixture.published()
                .tags(tag)
                .title("banana " + tag)
                .publishedAt(Instant.parse("2020-01-02T00:00:00Z"))
                .createId();
    int apple =
        (int)
            ArticleFixture.published()
                .tags(tag)
                .title("Apple " + tag)
                .publishedAt(Instant.parse("2020-01-03T00:00:00Z"))
                .createId();
    int cherry =
        (int)
            ArticleFixture.published()
                .tags(tag)
                .title("cherry " + tag)
                .publishedAt(Instant.parse("2020-01-01T00:00:00Z"))
                .createId();

    assertEquals(List.of(apple, banana, cherry), ids(tag, "-publishedAt"));
    assertEquals(List.of(cherry, banana, apple), ids(tag, "publishedAt"));
    assertEquals(List.of(apple, banana, cherry), ids(tag, "title"));
    assertEquals(List.of(cherry, banana, apple), ids(tag, "-title"));
    assertEquals(List.of(banana, apple, cherry), ids(tag, "updatedAt"));
    assertEquals(List.of(cherry, apple, banana), ids(tag, "-updatedAt"));
  }

  @Test
  void titleSortedPagesOfTheLongestNonAsciiTitlesCanBeWalkedByTheirCursor() {
    String tag = "long-title-" + Api.unique();
    String title = "\uD83D\uDE00".repeat(299); // 299 emoji: four UTF-8 bytes each
    List<Long> created = new java.util.ArrayList<>();
    for (String last : List.of("a", "b", "c")) {
      created.add(ArticleFixture.published().tags(tag).title(title + last).createId());
    }
    for (String sort : List.of("title", "-title")) {
      List<Long> walked = new java.util.ArrayList<>();
      String cursor = null;
      do {
        var request = Api.anonymous().queryParam("tag", tag).queryParam("sort", sort);
        request.queryParam("limit", 1);
        if (cursor != null) {
          request.queryParam("cursor", cursor);
        }
        var page = request.get("/api/v1/articles").then().statusCode(200).extract();
        walked.add(((Number) page.path("data[0].id")).longValue());
        cursor = page.path("meta.nextCursor");
        if (cursor != null) {
          org.junit.jupiter.api.Assertions.assertTrue(cursor.length() > 1000, sort);
        }
      } while (cursor != null);
      List<Long> expected = new java.util.ArrayList<>(created);
      if (sort.startsWith("-")) {
        java.util.Collections.reverse(expected);
      }
      assertEquals(expected, walked, sort);
    }
  }

  @Test
  void filtersNarrowTheList() {
    String tag = "filter-" + Api.unique();
    int match =
        (int)
            ArticleFixture.published()
                .tags(tag, "second-" + tag)
                .with("author", "Jane Doe")
                .with("source", "SHAFAQNA")
                .publishedAt(Instant.parse("2016-09-09T18:11:00Z"))
                .createId();
    ArticleFixture.published()
        .tags(tag)
        .with("author", "Someone Else")
        .with("source", "Reuters")
        .publishedAt(Instant.parse("2019-01-01T00:00:00Z"))
        .createId();

    assertEquals(
        List.of(match),
        Api.anonymous()
            .queryParam("tag", tag)
            .queryParam("author", "Jane Doe")
            .get("/api/v1/articles")
            .path("data.id"));
    assertEquals(
        List.of(match),
        Api.anonymous()
            .queryParam("tag", tag)
            .queryParam("source", "SHAFAQNA")
            .get("/api/v1/articles")
            .path("data.id"));
    assertEquals(
        List.of(match),
        Api.anonymous()
            .queryParam("tag", tag)
            .queryParam("tag", "second-" + tag)
            .get("/api/v1/articles")
            .path("data.id"));
    assertEquals(
        List.of(match),
        Api.anonymous()
            .queryParam("tag", tag)
            .queryParam("publishedAfter", "2016-09-09T21:11:00+03:00")
            .queryParam("publishedBefore", "2016-09-10T00:00:00Z")
            .get("/api/v1/articles")
            .path("data.id"));
  }

  @Test
  void fullTextSearchMatchesStemmedWordsInTitleAndBody() {
    String tag = "fts-" + Api.unique();
    int match =
        (int)
            ArticleFixture.published()
                .tags(tag)
                .title("Ceasefire negotiations continue")
                .with("body", "Diplomats negotiated through the night in Geneva.")
                .createId();
    ArticleFixture.published()
        .tags(tag)
        .title("Football results")
        .with("body", "Goals.")
        .createId();

    assertEquals(
        List.of(match),
        Api.anonymous()
            .queryParam("tag", tag)
            .queryParam("q", "negotiating geneva")
            .get("/api/v1/articles")
            .path("data.id"));
    assertEquals(
        List.of(match),
        Api.anonymous()
            .queryParam("tag", tag)
            .queryParam("q", "\"ceasefire negotiations\"")
            .get("/api/v1/articles")
            .path("data.id"));
    assertEquals(
        List.of(),
        Api.anonymous()
            .queryParam("tag", tag)
            .queryParam("q", "geneva -diplomats")
            .get("/api/v1/articles")
            .path("data.id"));
  }

  @Test
  void aBodyOfWordsJoinedByUnderscoresIsStoredPromptlyAndItsWordsAreFound() {
    // PostgreSQL's text-search parser needs time quadratic in such a run: 30 s for this body.
    String tag = "underscores-" + Api.unique();
    long id =
        ArticleFixture.published()
            .tags(tag)
            .title("Underscores")
            .with(
                "body",
                "a_".repeat(40_000) + " see file_name.txt and write to first_last@example.org")
            .createId();

    for (String q : new String[] {"file_name.txt", "first_last@example.org", "name.txt"}) {
      assertEquals(List.of((int) id), searchWithin(tag, q), q);
    }
  }

  /** The ids that {@code q} finds among the articles tagged {@code tag}. */
  private static List<Integer> searchWithin(String tag, String q) {
    return Api.anonymous()
        .queryParam("tag", tag)
        .queryParam("q", q)
        .get("/api/v1/articles")
        .path("data.id");
  }

  @Test
  void aBodyOfUnclosedMarkupCommentsIsStoredPromptlyAndCommentedWordsStayUnfound() {
    // PostgreSQL's text-search parser needs time quadratic in the number of unclosed "<!--":
    // about a minute for this body.
    String tag = "markup-comments-" + Api.unique();
    long id =
        ArticleFixture.published()
            .tags(tag)
            .title("Markup comments")
            .with(
                "body",
                "Ceasefire talks <!-- editorial reminder --> resume.\n\n" + "<!--".repeat(50_000))
            .createId();

    assertEquals(List.of((int) id), searchWithin(tag, "ceasefire"));
    assertEquals(List.of((int) id), searchWithin(tag, "resume"));
    assertEquals(List.of(), searchWithin(tag, "reminder"), "a word inside a markup comment");
  }

  @Test
  void aSearchOfTooManyOperatorsIsABadParameterNotAServerError() {
    for (String q : new String[] {"-".repeat(33), "- ".repeat(33), "x " + "-".repeat(40)}) {
      Api.anonymous()
          .queryParam("q", q)
          .get("/api/v1/articles")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("q"));
    }
    Api.anonymous().queryParam("q", "-".repeat(32)).get("/api/v1/articles").then().statusCode(200);
  }

  @Test
  void sparseFieldsReturnOnlyTheRequestedFields() {
    String tag = "fields-" + Api.unique();
    ArticleFixture.published().tags(tag).createId();

    Api.anonymous()
        .queryParam("tag", tag)
        .queryParam("fields", "id,title,bodyHtml")
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body(
            "data[0].keySet()", org.hamcrest.Matchers.containsInAnyOrder("id", "title", "bodyHtml"))
        .body("data[0].bodyHtml", containsString("<p>"));
    Api.anonymous()
        .queryParam("fields", "slug")
        .when()
        .get("/api/v1/articles/37076")
        .then()
        .statusCode(200)
        .body("keySet()", org.hamcrest.Matchers.contains("slug"));
  }

  @Test
  void listItemsOmitBodiesByDefault() {
    String tag = "nobody-" + Api.unique();
    ArticleFixture.published().tags(tag).createId();

    Api.anonymous()
        .queryParam("tag", tag)
        .get("/api/v1/articles")
        .then()
        .body("data[0]", not(hasKey("body")))
        .body("data[0]", not(hasKey("bodyHtml")))
        .body("data[0]", hasKey("summary"));
  }

  @Test
  void invalidParameterValuesAreProblems() {
    String[][] cases = {
      {"limit", "0"},
      {"limit", "101"},
      {"limit", "ten"},
      {"sort", "foo"},
      {"publishedAfter", "last tuesday"},
      {"publishedBefore", "2016-13-45"},
      {"publishedAfter", "+10000-01-01T00:00:00Z"},
      {"publishedAfter", "2016-09-09T18:11Z"},
      {"publishedAfter", "2016-09-09T18:11:00.Z"},
      {"publishedBefore", "0000-01-01T00:00:00+01:00"},
      {"cursor", "not-a-cursor"},
      {"cursor", new Cursor("-publishedAt", 5, "+10000-01-01T00:00:00Z").encode()},
      {"cursor", new Cursor("-publishedAt", 5, "0000-12-31T23:00:00Z").encode()},
      {"cursor", new Cursor("title", -5, "a title").encode()},
      {"cursor", new Cursor("title", 0, "a title").encode()},
      {"cursor", rawCursor("title\n+5\na title".getBytes(StandardCharsets.UTF_8))},
      {"cursor", rawCursor(new byte[] {'t', 'i', 't', 'l', 'e', '\n', '5', '\n', (byte) 0xff})},
      {"page", "0"},
      {"status", "deleted"},
      {"fields", "id,password"},
      {"fields", ","},
      {"fields", "id,"},
      {"colour", "red"},
      {"q", " "},
      {"tag", ""},
      {"tag", " "},
      {"author", ""},
      {"source", " "}
    };
    for (String[] parameter : cases) {
      Api.admin()
          .queryParam(parameter[0], parameter[1])
          .when()
          .get("/api/v1/articles")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo(parameter[0]));
    }
  }

  @Test
  void oneProblemNamesEveryBadParameter() {
    Api.anonymous()
        .queryParam("limit", 0)
        .queryParam("sort", "foo")
        .queryParam("page", 0)
        .queryParam("tag", "")
        .queryParam("q", " ")
        .queryParam("publishedAfter", "yesterday")
        .get("/api/v1/articles")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "errors.field",
            org.hamcrest.Matchers.containsInAnyOrder(
                "limit", "sort", "page", "tag", "q", "publishedAfter"));
    Api.anonymous()
        .queryParam("colour", "red")
        .queryParam("size", 9)
        .get("/api/v1/articles")
        .then()
        .statusCode(400)
        .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("colour", "size"));
  }

  /** A cursor token of any bytes, as a client could forge one. */
  private static String rawCursor(byte[] bytes) {
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Test
  void cursorCannotBeCombinedWithPageOrAnotherSort() {
    String tag = "mix-" + Api.unique();
    for (int i = 0; i < 2; i++) {
      ArticleFixture.published().tags(tag).createId();
    }
    String cursor =
        Api.anonymous()
            .queryParam("tag", tag)
            .queryParam("limit", 1)
            .get("/api/v1/articles")
            .path("meta.nextCursor");

    Api.anonymous()
        .queryParam("cursor", cursor)
        .queryParam("page", 2)
        .get("/api/v1/articles")
        .then()
        .statusCode(400);
    Api.anonymous()
        .queryParam("cursor", cursor)
        .queryParam("sort", "title")
        .get("/api/v1/articles")
        .then()
        .statusCode(400);
  }

  private static List<Integer> ids(String tag, String sort) {
    return Api.anonymous()
        .queryParam("tag", tag)
        .queryParam("sort", sort)
        .get("/api/v1/articles")
        .path("data.id");
  }
}
