package io.gazette.common;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.gazette.support.CommentFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Request bodies in flight at once are bounded (here to 100,000 bytes): past the bound, a body is
 * refused with 503 before it is read, and the room comes back when a request is answered or its
 * client goes away.
 */
@QuarkusTest
@TestProfile(BodiesInFlightTest.SmallBound.class)
class BodiesInFlightTest {

  public static class SmallBound implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("gazette.max-body-bytes-in-flight", "100000");
    }
  }

  @Test
  void aBodyThatWouldPassTheBoundWaitsFor503UntilTheBodiesBeforeItAreDone() throws IOException {
    // Answered requests give their room back: one after another, each may take most of it.
    for (int i = 0; i < 3; i++) {
      largeArticle(60_000).then().statusCode(201);
    }

    try (Socket held = startBody(true, 60_000)) {
      Response refused = until503(() -> largeArticle(60_000));
      refused
          .then()
          .contentType("application/problem+json")
          .header("Retry-After", "1")
          .body("status", equalTo(503))
          .body("type", equalTo("https://gazette.dev/problems/service-unavailable"))
          .body("detail", containsString("100000 bytes at once"));
      // A small body still fits beside the held one.
      ArticleFixture.published().create();
    }

    // The client that went away without finishing its body gave its room back.
    awaitStatus(201, () -> largeArticle(60_000));
  }

  @Test
  void bodiesWithoutATokenMayTakeOnlyHalfOfTheBound() throws IOException {
    long article = ArticleFixture.published().createId();
    try (Socket held = startBody(false, 45_000)) {
      Response refused = until503(() -> comment(article, 10_000));
      refused.then().contentType("application/problem+json").header("Retry-After", "1");
      // An editor's body still fits in the half that comments cannot take.
      largeArticle(40_000).then().statusCode(201);
    }
    awaitStatus(201, () -> comment(article, 10_000));
  }

  /** Sends the head and the first bytes of a body of {@code length} bytes, then holds on. */
  private static Socket startBody(boolean withToken, int length) throws IOException {
    Socket socket = new Socket("127.0.0.1", RestAssured.port);
    String target = withToken ? "/api/v1/articles" : "/api/v1/articles/1/comments";
    String head =
        "POST "
            + target
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + (withToken ? "Authorization: Bearer " + Api.ADMIN_TOKEN + "\r\n" : "")
            + "Content-Length: "
            + length
            + "\r\n\r\n{\"title\":\"";
    OutputStream out = socket.getOutputStream();
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return socket;
  }

  private static Response largeArticle(int bytes) {
    return Api.admin()
        .contentType(ContentType.JSON)
        .body(ArticleFixture.published().with("body", "x".repeat(bytes)).body())
        .post("/api/v1/articles");
  }

  private static Response comment(long article, int bytes) {
    Map<String, Object> fields = CommentFixture.on(article).fields();
    fields.put("body", "y".repeat(bytes - 200));
    return Api.anonymous()
        .contentType(ContentType.JSON)
        .body(fields)
        .post(CommentFixture.path(article));
  }

  /** The held body is reserved once its head has been read; the server may need a moment. */
  private static Response until503(Supplier<Response> request) {
    return awaitStatus(503, request);
  }

  private static Response awaitStatus(int status, Supplier<Response> request) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    Response response = request.get();
    while (response.statusCode() != status && System.nanoTime() < deadline) {
      response = request.get();
    }
    assertEquals(status, response.statusCode(), response.asString());
    return response;
  }
}
