package io.gazette.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.gazette.support.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Requests whose framing or headers could be read more than one way are refused, not guessed. */
@QuarkusTest
class RequestFramingTest {

  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3}) ");

  @Test
  void aRequestWithoutOneHostIsABadRequestProblem() throws IOException {
    for (String request :
        new String[] {
          "GET /api/v1/articles/37076 HTTP/1.0\r\n\r\n",
          "GET /q/../api/v1/articles/37076 HTTP/1.0\r\n\r\n",
          "GET / HTTP/1.0\r\n\r\n",
          "GET /q/nothing-here HTTP/1.0\r\n\r\n",
          "GET /api/v1/articles/37076 HTTP/1.1\r\nConnection: close\r\n\r\n",
          "GET /api/v1/articles/37076 HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n"
        }) {
      String answer = RawHttp.exchange(RestAssured.port, request);
      assertEquals(java.util.List.of(400), statuses(answer), answer);
      assertTrue(answer.contains("application/problem+json"), answer);
      assertTrue(answer.contains("https://gazette.dev/problems/bad-request"), answer);
      assertTrue(answer.toLowerCase().contains("x-request-id:"), answer);
    }
  }

  @Test
  void aRefusalClosesTheConnectionEvenInTheMiddleOfAPipeline() throws IOException {
    String good = "GET /api/v1/articles/37076 HTTP/1.1\r\nHost: x\r\n\r\n";
    String bad = "GET /api/v1/articles/37076 HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n";
    // RawHttp.exchange reads until the server closes, or a second of silence.
    long started = System.nanoTime();
    String answer = RawHttp.exchange(RestAssured.port, good + bad + good);
    assertEquals(java.util.List.of(200, 400), statuses(answer), answer);
    assertTrue(System.nanoTime() - started < 900_000_000L, "the connection was left open");
  }

  @Test
  void anHttp10HealthCheckWithoutHostIsServed() throws IOException {
    String answer = RawHttp.exchange(RestAssured.port, "GET /q/health/ready HTTP/1.0\r\n\r\n");
    assertEquals(java.util.List.of(200), statuses(answer), answer);
  }

  @Test
  void aTransferEncodingOtherThanChunkedIsRefusedAndNothingAfterItIsRead() throws IOException {
    String smuggled = "GET /api/v1/articles/37076 HTTP/1.1\r\nHost: x\r\n\r\n";
    for (String coding : new String[] {"gzip", "identity", "x-unknown"}) {
      for (boolean withLength : new boolean[] {true, false}) {
        String answer =
            RawHttp.exchange(
                RestAssured.port,
                "POST /api/v1/articles/37076/comments HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: "
                    + coding
                    + (withLength ? "\r\nContent-Length: " + smuggled.length() : "")
                    + "\r\n\r\n"
                    + smuggled);
        assertEquals(java.util.List.of(400), statuses(answer), coding + ": " + answer);
        assertTrue(answer.contains("https://gazette.dev/problems/bad-request"), answer);
      }
    }
    // A coding before chunked would be dropped silently: the body read as if it were plain.
    String body = "{\"authorName\":\"A\",\"authorEmail\":\"a@example.org\",\"body\":\"B\"}";
    String answer =
        RawHttp.exchange(
            RestAssured.port,
            "POST /api/v1/articles/37076/comments HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
                + Integer.toHexString(body.length())
                + "\r\n"
                + body
                + "\r\n0\r\n\r\n");
    assertEquals(java.util.List.of(400), statuses(answer), answer);
    assertTrue(answer.contains("https://gazette.dev/problems/bad-request"), answer);
  }

  @Test
  void aSecondAuthorizationHeaderIsRefusedNotIgnored() throws IOException {
    String answer =
        RawHttp.exchange(
            RestAssured.port,
            "GET /api/v1/tokens HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + Api.ADMIN_TOKEN
                + "\r\nAuthorization: Bearer gz_not-a-token\r\nConnection: close\r\n\r\n");
    assertEquals(java.util.List.of(400), statuses(answer), answer);
    assertTrue(answer.contains("Send the Authorization header once"), answer);
  }

  @Test
  void ifMatchOnSeveralLinesMeansEveryTagItNames() throws IOException {
    long id = ArticleFixture.draft().createId();
    String current = Api.admin().get("/api/v1/articles/" + id).header("ETag");
    String body = "{\"title\":\"Matched on its second line\"}";
    String answer =
        RawHttp.exchange(
            RestAssured.port,
            "PATCH /api/v1/articles/"
                + id
                + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + Api.ADMIN_TOKEN
                + "\r\nContent-Type: application/merge-patch+json\r\nIf-Match: \""
                + id
                + "-99-0\"\r\nIf-Match: "
                + current
                + "\r\nContent-Length: "
                + body.length()
                + "\r\nConnection: close\r\n\r\n"
                + body);
    assertEquals(java.util.List.of(200), statuses(answer), answer);
  }

  private static java.util.List<Integer> statuses(String answer) {
    java.util.List<Integer> found = new java.util.ArrayList<>();
    Matcher status = STATUS_LINE.matcher(answer);
    while (status.find()) {
      found.add(Integer.parseInt(status.group(1)));
    }
    return found;
  }
}
