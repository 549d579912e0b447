package io.gazette.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM in the middle of a write load: every acknowledged write survives, requests arriving
 * during the shutdown are told 503, nothing is answered 500, and the embedded database stops
 * cleanly afterwards.
 */
class GracefulShutdownIT {

  private static final String TOKEN = "gz_shutdown-test-admin-token-0123456789";
  private static final int WRITERS = 8;

  @TempDir Path dataDir;

  @Test
  void sigtermMidLoadLosesNoAcknowledgedWriteAndTurnsNewRequestsAway() throws Exception {
    Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    List<String> unexpected = new CopyOnWriteArrayList<>();
    AtomicInteger turnedAway = new AtomicInteger();
    AtomicInteger unanswered = new AtomicInteger();
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);

    // A one-second delay keeps the server listening after SIGTERM, so that requests arriving
    // during the shutdown are certain to meet the gate.
    GazetteProcess gazette =
        GazetteProcess.start(
                dataDir, Map.of("GAZETTE_ADMIN_TOKEN", TOKEN, "QUARKUS_SHUTDOWN_DELAY", "1S"))
            .awaitReady();
    try {
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.submit(
            () -> {
              HttpClient client =
                  HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
              for (int n = 0; n < 100_000; n++) {
                String title = "Shutdown " + writer + "-" + n;
                try {
                  HttpResponse<String> answer = client.send(post(gazette, title), ofString());
                  if (answer.statusCode() == 201) {
                    acknowledged.put(id(answer.body()), title);
                  } else if (answer.statusCode() == 503
                      && answer.headers().firstValue("Retry-After").isPresent()
                      && answer.body().contains("\"status\":503")) {
                    turnedAway.incrementAndGet();
                  } else {
                    unexpected.add(answer.statusCode() + " " + answer.body());
                  }
                } catch (IOException e) {
                  // refused or reset once the server has closed: not acknowledged
                  if (unanswered.incrementAndGet() > 50) {
                    return null;
                  }
                  Thread.sleep(20);
                }
              }
              return null;
            });
      }
      while (acknowledged.size() < 100) {
        Thread.sleep(20);
      }
      int beforeSigterm = acknowledged.size();
      gazette.terminate();
      assertTrue(gazette.waitForExit(Duration.ofSeconds(30)), "Gazette stops within 30 s");
      writers.shutdown();
      assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));
      System.out.printf(
          "SIGTERM after %d acknowledged writes; %d acknowledged in all, %d answered 503,"
              + " %d unanswered%n",
          beforeSigterm, acknowledged.size(), turnedAway.get(), unanswered.get());

      assertTrue(
          gazette.exitValue() == 0 || gazette.exitValue() == 143, "exit " + gazette.exitValue());
      assertEquals(List.of(), unexpected, "only 201 or 503 during the shutdown");
      assertTrue(turnedAway.get() > 0, "requests arriving during the shutdown were answered 503");
      assertFalse(
          Files.exists(dataDir.resolve("postgres").resolve("postmaster.pid")),
          "the embedded PostgreSQL stopped cleanly after the requests");
    } finally {
      writers.shutdownNow();
      gazette.close();
    }

    try (GazetteProcess restarted =
        GazetteProcess.start(dataDir, Map.of("GAZETTE_ADMIN_TOKEN", TOKEN)).awaitReady()) {
      HttpClient client = HttpClient.newHttpClient();
      for (Map.Entry<Long, String> write : acknowledged.entrySet()) {
        HttpResponse<String> read =
            client.send(
                HttpRequest.newBuilder(restarted.uri("/api/v1/articles/" + write.getKey()))
                    .header("Authorization", "Bearer " + TOKEN)
                    .build(),
                ofString());
        assertEquals(200, read.statusCode(), "acknowledged article " + write.getKey());
        assertTrue(read.body().contains(write.getValue()), read.body());
      }
    }
  }

  private static HttpRequest post(GazetteProcess gazette, String title) {
    return HttpRequest.newBuilder(gazette.uri("/api/v1/articles"))
        .header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(20))
        .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"" + title + "\"}"))
        .build();
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private static long id(String json) {
    Matcher matcher = Pattern.compile("\"id\":(\\d+)").matcher(json);
    if (!matcher.find()) {
      throw new AssertionError(json);
    }
    return Long.parseLong(matcher.group(1));
  }
}
