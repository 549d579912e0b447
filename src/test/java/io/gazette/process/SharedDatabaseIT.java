package io.gazette.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gazette.database.EmbeddedDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two Gazette instances on one database: a write through one is read through the other. */
class SharedDatabaseIT {

  private static final String TOKEN = "gz_shared-database-admin-token-0123";

  @Test
  void writeThroughOneInstanceIsVisibleThroughTheOtherWithinOneSecond(
      @TempDir Path database, @TempDir Path first, @TempDir Path second) throws Exception {
    try (EmbeddedDatabase postgres = EmbeddedDatabase.start(database, 0)) {
      Map<String, String> environment =
          Map.of(
              "QUARKUS_DATASOURCE_JDBC_URL",
              postgres.datasourceProperties().get("quarkus.datasource.jdbc.url"),
              "QUARKUS_DATASOURCE_USERNAME",
              EmbeddedDatabase.USER,
              "GAZETTE_ADMIN_TOKEN",
              TOKEN);
      try (GazetteProcess writer = GazetteProcess.start(first, environment).awaitReady();
          GazetteProcess reader = GazetteProcess.start(second, environment).awaitReady()) {
        // Warm the reader's cache with the article and the list.
        assertTrue(reader.get("/api/v1/articles/37076").body().contains("\"version\":1"));
        assertTrue(reader.get("/api/v1/articles?tag=syria").body().contains("Kerry lands"));

        HttpResponse<String> patched =
            writer.send(
                "PATCH",
                "/api/v1/articles/37076",
                TOKEN,
                "application/merge-patch+json",
                "{\"title\": \"Kerry arrives in Geneva\"}");
        assertEquals(200, patched.statusCode());
        Instant written = Instant.now();

        Duration seen = null;
        while (Duration.between(written, Instant.now()).toMillis() < 3000) {
          boolean article =
              reader.get("/api/v1/articles/37076").body().contains("Kerry arrives in Geneva");
          boolean list =
              reader.get("/api/v1/articles?tag=syria").body().contains("Kerry arrives in Geneva");
          if (article && list) {
            seen = Duration.between(written, Instant.now());
            break;
          }
          Thread.sleep(20);
        }
        assertTrue(
            seen != null && seen.toMillis() <= 1000,
            "seen through the other instance after " + seen);
      }
    }
  }
}
