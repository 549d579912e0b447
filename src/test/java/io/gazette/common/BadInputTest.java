package io.gazette.common;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Hostile or broken requests get a 4xx problem, never a 5xx or a stack trace. */
@QuarkusTest
class BadInputTest {

  private static final String[] BROKEN_BODIES = {
    "{\"title\": ",
    "{\"title\": \"a\",}",
    "not json at all",
    "[1, 2, 3]",
    "\"just a string\"",
    "null",
    "",
    "{\"title\": \"a\"} trailing",
    "{\"title\": \"a\", \"title\": \"b\"}",
    "{\"title\": {\"nested\": true}}",
    "{\"title\": \"a\", \"tags\": \"syria\"}",
    "{\"title\": \"a\", \"tags\": [1, 2]}",
    "{\"title\": \"a\", \"commentsOpen\": \"true\"}",
    "{\"title\": \"a\", \"publishedAt\": 1473444660}",
    "{\"title\": \"bad\\u0000nul\"}",
    "{\"title\": \"\\ud800 lone surrogate\"}",
    "[".repeat(5000),
    "{\"title\": \"a\", \"tags\": [\"x\"",
    "{\"title\": \"a\", \"body\": \"unterminated",
    "{\"title\": NaN}",
    "{\"title\": +1}",
    "{\"title\": \"x\" /* comment */}",
  };

  @Test
  void brokenJsonBodiesAreRejectedWithProblemDetails() {
    for (String body : BROKEN_BODIES) {
      Api.admin()
          .contentType(ContentType.JSON)
          .body(body.getBytes(StandardCharsets.UTF_8))
          .when()
          .post("/api/v1/articles")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("status", equalTo(400))
          .body("title", not(equalTo(null)))
          .body("detail", not(containsString("Exception")))
          .body("detail", not(containsString("com.fasterxml")))
          .body("detail", not(containsString("[Source")))
          .body("detail", not(containsString("StreamReadFeature")))
          .body("detail", not(containsString("JsonReadFeature")))
          .body("detail", not(containsString("Feature '")));
    }
  }

  @Test
  void invalidUtf8IsRejected() {
    byte[] body = {
      '{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
    };

    Api.admin()
        .contentType("application/json; charset=utf-8")
        .body(body)
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void overlongAndOtherIllFormedUtf8IsRejectedRatherThanDecoded() {
    // C0 BC is an overlong "<"; ED A0 80 a surrogate; F4 90 80 80 past U+10FFFF; 00 a raw NUL.
    byte[][] sequences = {
      {(byte) 0xC0, (byte) 0xBC},
      {(byte) 0xC1, (byte) 0xBF},
      {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
      {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      {(byte) 0xE2, (byte) 0x82},
      {0}
    };
    for (byte[] sequence : sequences) {
      byte[] start = "{\"title\":\"x\",\"body\":\"".getBytes(StandardCharsets.UTF_8);
      byte[] end = "script\"}".getBytes(StandardCharsets.UTF_8);
      byte[] body = new byte[start.length + sequence.length + end.length];
      System.arraycopy(start, 0, body, 0, start.length);
      System.arraycopy(sequence, 0, body, start.length, sequence.length);
      System.arraycopy(end, 0, body, start.length + sequence.length, end.length);

      Api.admin()
          .contentType("application/json; charset=utf-8")
          .body(body)
          .when()
          .post("/api/v1/articles")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("detail", containsString("not valid UTF-8"));
    }
  }

  @Test
  void aBodyInUtf16IsRejected() {
    Api.admin()
        .contentType("application/json")
        .body("{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_16LE))
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void wellFormedUtf8OfEveryLengthIsAccepted() {
    String title = "Caf\u00e9 \u20ac \uD83D\uDE00 \uFFFD";
    Api.admin()
        .contentType("application/json; charset=utf-8")
        .body(("{\"title\":\"" + title + "\"}").getBytes(StandardCharsets.UTF_8))
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .body("title", equalTo(title));
  }

  @Test
  void aProblemListsAtMostAHundredFieldErrors() {
    StringBuilder tags = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      tags.append(i == 0 ? "" : ",").append("\"BAD TAG ").append(i).append('"');
    }
    Api.admin()
        .contentType("application/json")
        .body("{\"title\":\"x\",\"tags\":[" + tags + "]}")
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(400)
        .body("errors.size()", equalTo(100))
        .body("detail", containsString("the first 100 are listed"));
  }

  @Test
  void wrongContentTypeIsUnsupportedMediaType() {
    Api.admin()
        .contentType(ContentType.TEXT)
        .body("title=x")
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
  }

  @Test
  void aCompressedRequestBodyIsUnsupportedAndStoresNothing() throws java.io.IOException {
    String title = "Compressed " + Api.unique();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(bytes)) {
      gzip.write(("{\"title\": \"" + title + "\"}").getBytes(StandardCharsets.UTF_8));
    }
    for (String path : new String[] {"/api/v1/articles", "/api/v1/import"}) {
      Api.admin()
          .contentType(path.endsWith("import") ? "application/x-ndjson" : "application/json")
          .header("Content-Encoding", "identity")
          .header("Content-Encoding", "gzip")
          .body(bytes.toByteArray())
          .when()
          .post(path)
          .then()
          .statusCode(415)
          .contentType("application/problem+json")
          .body("detail", containsString("Content-Encoding"));
    }
    Api.admin()
        .queryParam("q", title)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("data", org.hamcrest.Matchers.empty());
  }

  @Test
  void oversizedBodyIsRejectedWith413Problem() {
    byte[] huge = new byte[5 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) 'a');

    Api.admin()
        .contentType(ContentType.JSON)
        .body(huge)
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("status", equalTo(413));
  }

  @Test
  void unknownPathsAndMethodsAreProblems() {
    Api.anonymous()
        .when()
        .get("/api/v1/nothing-here")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    Api.admin()
        .when()
        .post("/api/v1/articles/37076")
        .then()
        .statusCode(405)
        .contentType("application/problem+json");
  }

  @Test
  void aMethodNotAllowedNamesTheMethodsThatAreAndOptionsListsThem() {
    String[][] cases = {
      {"DELETE", "/api/v1/articles", "GET, HEAD, OPTIONS, POST"},
      {"POST", "/api/v1/articles/37076", "DELETE, GET, HEAD, OPTIONS, PATCH, PUT"},
      {"PUT", "/api/v1/articles/37076/comments", "GET, HEAD, OPTIONS, POST"},
      {"DELETE", "/api/v1/comments", "GET, HEAD, OPTIONS"},
      {"POST", "/api/v1/comments/1", "DELETE, GET, HEAD, OPTIONS, PATCH"},
      {"DELETE", "/api/v1/tokens", "GET, HEAD, OPTIONS, POST"},
      {"GET", "/api/v1/import", "OPTIONS, POST"},
    };
    for (String[] c : cases) {
      Api.admin()
          .request(c[0], c[1])
          .then()
          .statusCode(405)
          .contentType("application/problem+json")
          .header("Allow", equalTo(c[2]))
          .body("detail", equalTo(c[0] + " is not allowed on this resource; it answers " + c[2]));
      Api.anonymous().options(c[1]).then().statusCode(204).header("Allow", equalTo(c[2]));
    }
    for (String unknown :
        new String[] {"/api/v1", "/api/v1/nope", "/api/v1/articles/1/comments/1"}) {
      Api.anonymous()
          .options(unknown)
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .header("Allow", nullValue());
    }
  }

  @Test
  void operationsEndpointsAreReadOnlyAndSayWhichMethodsTheyAnswer() {
    for (String path :
        new String[] {
          "/q/openapi",
          "/q/openapi.json",
          "/q/openapi/",
          "/q/metrics/",
          "/q/health",
          "/q/health/ready",
          "/q/metrics",
          "/q/swagger-ui/index.html"
        }) {
      for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
        Api.admin()
            .request(method, path)
            .then()
            .statusCode(405)
            .contentType("application/problem+json")
            .header("Allow", equalTo("GET, HEAD, OPTIONS"));
      }
      Api.anonymous()
          .options(path)
          .then()
          .statusCode(204)
          .header("Allow", equalTo("GET, HEAD, OPTIONS"));
      Api.anonymous().accept("*/*").get(path).then().statusCode(200);
      if (path.equals("/q/openapi")) {
        Api.anonymous().accept("*/*").get(path).then().header("Vary", equalTo("Accept"));
      }
      Api.anonymous().accept("*/*").head(path).then().statusCode(200);
    }
  }

  @Test
  void hostileIdentifiersAreSimplyNotFound() {
    String[] paths = {
      "99999999999999999999", "-1", "0", "%27%20OR%201=1--", "a%00b", "x".repeat(2000)
    };
    for (String path : paths) {
      int status =
          Api.anonymous().when().get("/api/v1/articles/" + path).then().extract().statusCode();
      org.junit.jupiter.api.Assertions.assertTrue(
          status == 404 || status == 400, path + " gave " + status);
    }
  }

  @Test
  void rejectedWritesLeaveTheArticleUntouched() {
    long id = ArticleFixture.draft().title("Untouched").createId();

    for (String body : BROKEN_BODIES) {
      Api.admin()
          .contentType(ContentType.JSON)
          .body(body.getBytes(StandardCharsets.UTF_8))
          .when()
          .put("/api/v1/articles/" + id)
          .then()
          .statusCode(400);
    }
    Api.admin()
        .when()
        .get("/api/v1/articles/" + id)
        .then()
        .body("title", equalTo("Untouched"))
        .body("version", equalTo(1));
  }
}
