package io.gazette.common;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.gazette.support.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Query strings are read as UTF-8, whether a client percent-encodes them (as browsers do) or sends
 * the bytes as they are (as curl does), and a query that is not UTF-8 is a 400 naming the parameter
 * instead of a search for replacement characters.
 */
@QuarkusTest
class QueryStringTest {

  @Test
  void aQueryValueThatIsNotUtf8IsRejectedNamingTheParameter() {
    String[][] cases = {
      {"/api/v1/articles?tag=%FF", "tag"},
      {"/api/v1/articles?q=caf%C3%28", "q"},
      {"/api/v1/articles?author=%ED%A0%80", "author"}, // an encoded surrogate
      {"/api/v1/articles?source=%C0%AF", "source"}, // an overlong '/'
      {"/api/v1/articles/37076/comments?limit=%E2%82", "limit"}, // truncated
    };
    for (String[] c : cases) {
      Api.anonymous()
          .urlEncodingEnabled(false)
          .get(c[0])
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("type", equalTo("https://gazette.dev/problems/invalid-parameter"))
          .body("errors.field", contains(c[1]))
          .body("errors[0].message", equalTo("must be valid UTF-8"));
    }
  }

  @Test
  void writesTakeNoQueryParametersAndChangeNothingWhenGivenOne() {
    long article = ArticleFixture.published().createId();
    String path = "/api/v1/articles/" + article;

    Api.admin()
        .delete(path + "?dryRun=true")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("https://gazette.dev/problems/invalid-parameter"))
        .body("errors.field", contains("dryRun"));
    Api.admin()
        .contentType("application/merge-patch+json")
        .body("{\"title\":\"Patched\"}")
        .patch(path + "?fields=id")
        .then()
        .statusCode(400)
        .body("errors.field", contains("fields"));
    Api.anonymous()
        .contentType("application/json")
        .body(Map.of("authorName", "Q", "authorEmail", "q@example.org", "body", "A typo"))
        .post(path + "/comments?parentld=5")
        .then()
        .statusCode(400)
        .body("errors.field", contains("parentld"));
    Api.admin()
        .contentType("application/json")
        .body(Map.of("title", "Created"))
        .post("/api/v1/articles?status=published")
        .then()
        .statusCode(400)
        .body("errors.field", contains("status"));

    Api.anonymous()
        .get(path)
        .then()
        .statusCode(200)
        .body("title", org.hamcrest.Matchers.not(equalTo("Patched")))
        .body("commentCount", equalTo(0));
    Api.admin()
        .get("/api/v1/comments?status=any&articleId=" + article)
        .then()
        .statusCode(200)
        .body("data", org.hamcrest.Matchers.empty());
  }

  @Test
  void numbersInTheQueryAreAsciiDigitsOnly() {
    for (String limit :
        new String[] {"%2B5", "%205", "5%20", "%D9%A5", "%EF%BC%95", "5.0", "1e1"}) {
      Api.anonymous()
          .urlEncodingEnabled(false)
          .get("/api/v1/articles?limit=" + limit)
          .then()
          .statusCode(400)
          .body("errors.field", contains("limit"));
    }
    Api.anonymous()
        .get("/api/v1/articles?limit=05")
        .then()
        .statusCode(200)
        .body("meta.limit", equalTo(5));
  }

  @Test
  void aQueryNameThatIsNotUtf8IsRejected() {
    Api.admin()
        .urlEncodingEnabled(false)
        .get("/api/v1/comments?st%FFtus=any")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("st%FFtus"));
  }

  @Test
  void percentEncodedUtf8FindsWhatWasWritten() {
    String tag = "genève-" + Api.unique();
    long id = ArticleFixture.published().tags(tag).create().jsonPath().getLong("id");

    Api.anonymous()
        .queryParam("tag", tag) // RestAssured percent-encodes the UTF-8 bytes, as browsers do
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("data.id", contains((int) id));
  }

  @Test
  void utf8SentUnencodedFindsWhatWasWritten() throws Exception {
    String tag = "genève-" + Api.unique();
    long id = ArticleFixture.published().tags(tag).create().jsonPath().getLong("id");

    RawHttp.Answer answer = getUnencoded("/api/v1/articles?tag=" + tag);

    assertEquals(200, answer.status(), answer.body());
    assertEquals(List.of(id), JsonPath.from(answer.body()).getList("data.id", Long.class));
  }

  @Test
  void emptyPairsInAQueryAreIgnored() throws Exception {
    String tag = "pairs-" + Api.unique();
    long id = ArticleFixture.published().tags(tag).create().jsonPath().getLong("id");

    RawHttp.Answer answer =
        RawHttp.send(
            RestAssured.port, "GET", "/api/v1/articles?&limit=5&&tag=" + tag + "&", Map.of(), null);

    assertEquals(200, answer.status(), answer.body());
    JsonPath page = JsonPath.from(answer.body());
    assertEquals(List.of(id), page.getList("data.id", Long.class));
    assertEquals(5, page.getInt("meta.limit"));
  }

  @Test
  void aMalformedPercentEscapeIsRejected() throws Exception {
    RawHttp.Answer answer =
        RawHttp.send(RestAssured.port, "GET", "/api/v1/articles?tag=%E2%8", Map.of(), null);

    assertEquals(400, answer.status(), answer.body());
  }

  @Test
  void charactersThatMayNotAppearInAUrlAreRefusedUnlessPercentEncoded() throws Exception {
    for (String raw : new String[] {"\"", "<", ">", "\\", "^", "`", "{", "|", "}"}) {
      RawHttp.Answer answer =
          RawHttp.send(RestAssured.port, "GET", "/api/v1/articles?q=a" + raw + "b", Map.of(), null);

      assertEquals(400, answer.status(), raw + ": " + answer.body());
    }
    Api.anonymous()
        .queryParam("q", "\"cease fire\" <geneva> {talks} a|b ^`\\")
        .get("/api/v1/articles")
        .then()
        .statusCode(200);
  }

  @Test
  void plusInAQueryIsASpace() {
    String word = "plusword" + Api.unique().replaceAll("[0-9-]", "x");
    long id =
        ArticleFixture.published()
            .title("Talks " + word + " resume")
            .create()
            .jsonPath()
            .getLong("id");

    Api.anonymous()
        .urlEncodingEnabled(false)
        .get("/api/v1/articles?q=talks+" + word)
        .then()
        .statusCode(200)
        .body("data.id", contains((int) id));
  }

  @Test
  void theNextLinkOfAQuerySentUnencodedIsPercentEncoded() throws Exception {
    String tag = "zürich-" + Api.unique();
    ArticleFixture.published().tags(tag).create();
    ArticleFixture.published().tags(tag).create();

    RawHttp.Answer answer = getUnencoded("/api/v1/articles?limit=1&tag=" + tag);

    assertEquals(200, answer.status(), answer.body());
    String link = answer.header("Link");
    assertTrue(link.chars().allMatch(c -> c >= 0x20 && c < 0x7F), link);
    String next = link.substring(1, link.indexOf('>'));
    Api.anonymous()
        .urlEncodingEnabled(false)
        .get(next)
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(1))
        .body("data[0].tags", contains(tag));
  }

  /**
   * Sends the target as curl does: its characters as the bytes of UTF-8, unencoded. (RawHttp writes
   * each character of the target as one byte.)
   */
  private static RawHttp.Answer getUnencoded(String target) throws Exception {
    String bytes = new String(target.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    return RawHttp.send(RestAssured.port, "GET", bytes, Map.of(), null);
  }
}
