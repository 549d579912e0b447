package io.gazette.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gazette.database.EmbeddedDatabase;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gazette on a PostgreSQL that the test stops and restarts on the same port and data: during the
 * outage every request is answered quickly and clearly, and service resumes without a restart.
 */
class DatabaseOutageIT {

  private static final String TOKEN = "gz_outage-test-admin-token-0123456789";
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);
  private static final Duration RECOVER_WITHIN = Duration.ofSeconds(5);

  @TempDir Path dataDir;
  @TempDir Path databaseDir;

  @Test
  void duringAnOutageEveryRequestGetsA503QuicklyAndServiceResumesWhenTheDatabaseReturns()
      throws Exception {
    int databasePort = freePort();
    EmbeddedDatabase database = EmbeddedDatabase.start(databaseDir, databasePort);
    try (GazetteProcess gazette =
        GazetteProcess.start(
                dataDir,
                Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL",
                    database.datasourceProperties().get("quarkus.datasource.jdbc.url"),
                    "QUARKUS_DATASOURCE_USERNAME",
                    EmbeddedDatabase.USER,
                    "GAZETTE_ADMIN_TOKEN",
                    TOKEN,
                    "GAZETTE_LOG_JSON",
                    "true"))
            .awaitReady()) {
      HttpResponse<String> created =
          gazette.send(
              write(
                  "POST",
                  gazette,
                  "/api/v1/articles",
                  "{\"title\": \"Before\", \"status\": \"published\"}"));
      assertEquals(201, created.statusCode());
      String article = "/api/v1/articles/" + id(created.body());

      database.close();

      List<HttpRequest> requests =
          List.of(
              read(gazette, article, null),
              read(gazette, "/api/v1/articles", null),
              read(gazette, "/api/v1/articles?q=geneva&page=2", null),
              read(gazette, article, TOKEN),
              write("POST", gazette, "/api/v1/articles", "{\"title\": \"During\"}"),
              write("PUT", gazette, article, "{\"title\": \"During\"}"),
              write("PATCH", gazette, article, "{\"title\": \"During\"}"),
              HttpRequest.newBuilder(gazette.uri(article))
                  .header("Authorization", "Bearer " + TOKEN)
                  .header("X-Request-Id", "outage-delete-1")
                  .timeout(Duration.ofSeconds(30))
                  .DELETE()
                  .build());
      for (HttpRequest request : requests) {
        long started = System.nanoTime();
        HttpResponse<String> answer = gazette.send(request);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String what = request.method() + " " + request.uri() + " took " + took.toMillis() + " ms";
        System.out.println("During the outage: " + what + " -> " + answer.statusCode());
        assertTrue(took.compareTo(ANSWER_WITHIN) < 0, what);
        assertEquals(503, answer.statusCode(), what + ": " + answer.body());
        assertEquals(
            "application/problem+json",
            answer.headers().firstValue("Content-Type").orElse(""),
            what);
        assertEquals("5", answer.headers().firstValue("Retry-After").orElse(""), what);
        assertTrue(answer.body().contains("\"status\":503"), answer.body());
        assertTrue(answer.body().contains("\"requestId\""), answer.body());
        assertFalse(answer.body().contains("Exception"), answer.body());
        assertFalse(answer.body().contains("\tat "), answer.body());
      }

      assertConcurrentRequestsGet503Quickly(gazette, article, 40);

      long readinessStarted = System.nanoTime();
      HttpResponse<String> readiness = gazette.send(read(gazette, "/q/health/ready", null));
      assertTrue(
          Duration.ofNanos(System.nanoTime() - readinessStarted).compareTo(ANSWER_WITHIN) < 0);
      assertEquals(503, readiness.statusCode());
      assertTrue(readiness.body().contains("\"DOWN\""), readiness.body());
      assertEquals(200, gazette.get("/q/health/live").statusCode(), "alive, only not ready");

      assertTrue(
          gazette.log().contains("\"requestId\":\"outage-delete-1\""),
          "the JSON log line of the failed request carries its id:\n" + gazette.log());
      assertFalse(gazette.log().contains("\tat org.postgresql"), "no stack traces for an outage");

      database = EmbeddedDatabase.start(databaseDir, databasePort);
      long restarted = System.nanoTime();
      int status = 0;
      while (Duration.ofNanos(System.nanoTime() - restarted).compareTo(RECOVER_WITHIN) < 0) {
        status = gazette.send(read(gazette, article, null)).statusCode();
        if (status == 200) {
          break;
        }
        Thread.sleep(100);
      }
      Duration recovery = Duration.ofNanos(System.nanoTime() - restarted);
      System.out.println("Gazette served again " + recovery.toMillis() + " ms after the restart");
      assertEquals(200, status, "serving again within " + RECOVER_WITHIN);
      assertEquals(200, gazette.get("/q/health/ready").statusCode());
      assertEquals(
          201,
          gazette
              .send(write("POST", gazette, "/api/v1/articles", "{\"title\": \"After\"}"))
              .statusCode());
    } finally {
      database.close();
    }
  }

  private static void assertConcurrentRequestsGet503Quickly(
      GazetteProcess gazette, String article, int concurrency) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<long[]>> answers = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        HttpRequest request =
            i % 2 == 0
                ? read(gazette, article, null)
                : write("POST", gazette, "/api/v1/articles", "{\"title\": \"Concurrent\"}");
        answers.add(
            clients.submit(
                () -> {
                  long started = System.nanoTime();
                  int status = gazette.send(request).statusCode();
                  return new long[] {status, (System.nanoTime() - started) / 1_000_000};
                }));
      }
      long slowest = 0;
      for (Future<long[]> answer : answers) {
        long[] statusAndMillis = answer.get();
        slowest = Math.max(slowest, statusAndMillis[1]);
        assertEquals(503, statusAndMillis[0]);
        assertTrue(
            statusAndMillis[1] < ANSWER_WITHIN.toMillis(),
            "a concurrent request took " + statusAndMillis[1] + " ms");
      }
      System.out.println(
          "During the outage: slowest of "
              + concurrency
              + " concurrent requests "
              + slowest
              + " ms");
    } finally {
      clients.shutdownNow();
    }
  }

  private static HttpRequest read(GazetteProcess gazette, String path, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(gazette.uri(path)).timeout(Duration.ofSeconds(30)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.build();
  }

  private static HttpRequest write(
      String method, GazetteProcess gazette, String path, String json) {
    return HttpRequest.newBuilder(gazette.uri(path))
        .header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30))
        .method(method, HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private static long id(String json) {
    Matcher matcher = Pattern.compile("\"id\":(\\d+)").matcher(json);
    assertTrue(matcher.find(), json);
    return Long.parseLong(matcher.group(1));
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
