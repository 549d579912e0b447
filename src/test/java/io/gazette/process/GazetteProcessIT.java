package io.gazette.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gazette.database.EmbeddedDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the packaged application the way the README does, on its own embedded database. */
class GazetteProcessIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  @Test
  void firstStartServesTheDemoArticleAndWritesAPrivateAdminTokenFile() throws Exception {
    try (GazetteProcess gazette = GazetteProcess.start(dataDir, Map.of()).awaitReady()) {
      HttpResponse<String> demo = gazette.get("/api/v1/articles/37076");
      assertEquals(200, demo.statusCode());
      assertTrue(demo.body().contains("Kerry lands in Geneva"));

      Path tokenFile = dataDir.resolve("admin-token");
      assertEquals(
          "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
      String token = Files.readString(tokenFile).strip();
      assertTrue(token.startsWith("gz_"));
      assertTrue(gazette.log().contains(token), "the generated token is printed once in the log");
      assertEquals(201, create(gazette, token, "Written with the generated token").statusCode());
    }
  }

  @Test
  void restartKeepsEveryArticleAndTheAdminToken() throws Exception {
    String token;
    String location;
    try (GazetteProcess first = GazetteProcess.start(dataDir, Map.of()).awaitReady()) {
      token = Files.readString(dataDir.resolve("admin-token")).strip();
      HttpResponse<String> created = create(first, token, "Survives a restart");
      assertEquals(201, created.statusCode());
      location = created.headers().firstValue("Location").orElseThrow();
      first.stop();
      assertTrue(
          first.exitValue() == 0 || first.exitValue() == 143,
          "SIGTERM is a clean shutdown, not a crash: " + first.exitValue());
    }
    assertFalse(
        Files.exists(dataDir.resolve("postgres").resolve("postmaster.pid")),
        "the embedded PostgreSQL was shut down cleanly");

    try (GazetteProcess second = GazetteProcess.start(dataDir, Map.of()).awaitReady()) {
      String path = java.net.URI.create(location).getPath();
      HttpResponse<String> read = second.send("GET", path, token, null, null);
      assertEquals(200, read.statusCode());
      assertTrue(read.body().contains("Survives a restart"));
      assertEquals(token, Files.readString(dataDir.resolve("admin-token")).strip());
      assertFalse(second.log().contains("Generated the admin token"));
    }
  }

  @Test
  void sigkilledGazetteRestartsOnItsDataAndReplacesTheOrphanedDatabase() throws Exception {
    String token;
    String location;
    try (GazetteProcess first = GazetteProcess.start(dataDir, Map.of()).awaitReady()) {
      token = Files.readString(dataDir.resolve("admin-token")).strip();
      HttpResponse<String> created = create(first, token, "Acknowledged before the crash");
      assertEquals(201, created.statusCode());
      location =
          java.net.URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
      first.kill();
    }

    try (GazetteProcess second = GazetteProcess.start(dataDir, Map.of()).awaitReady()) {
      HttpResponse<String> read = second.send("GET", location, token, null, null);
      assertEquals(200, read.statusCode());
      assertTrue(read.body().contains("Acknowledged before the crash"));
    }
  }

  @Test
  void secondInstanceOnTheSameDataDirectoryFailsFastWithAClearMessage() throws Exception {
    try (GazetteProcess first = GazetteProcess.start(dataDir, Map.of()).awaitReady();
        GazetteProcess second = GazetteProcess.start(dataDir, Map.of())) {
      assertTrue(second.waitForExit(Duration.ofSeconds(30)), "the second instance must exit");
      assertNotEquals(0, second.exitValue());
      assertTrue(second.log().contains("is in use by another running Gazette"), second.log());
      assertEquals(200, first.get("/api/v1/articles/37076").statusCode());
    }
  }

  @Test
  void aFailedStartStopsTheEmbeddedPostgresItStarted() throws Exception {
    try (GazetteProcess refused =
        GazetteProcess.start(dataDir, Map.of("GAZETTE_ADMIN_TOKEN", "too-short"))) {
      assertTrue(refused.waitForExit(Duration.ofSeconds(60)), "the instance must exit");
      assertNotEquals(0, refused.exitValue());
      assertTrue(
          refused.log().contains("GAZETTE_ADMIN_TOKEN must start with 'gz_'"), refused.log());
      // PostgreSQL removes its pid file when it stops; one left behind means it runs on.
      assertTrue(
          !java.nio.file.Files.exists(dataDir.resolve("postgres").resolve("postmaster.pid")),
          "the embedded PostgreSQL must be stopped");
    }
  }

  @Test
  void configuredDatabaseUrlIsUsedAndNoEmbeddedServerIsStarted(@TempDir Path externalDir)
      throws Exception {
    try (EmbeddedDatabase external = EmbeddedDatabase.start(externalDir, 0);
        GazetteProcess gazette =
            GazetteProcess.start(
                    dataDir,
                    Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL",
                        external.datasourceProperties().get("quarkus.datasource.jdbc.url"),
                        "QUARKUS_DATASOURCE_USERNAME",
                        EmbeddedDatabase.USER,
                        "GAZETTE_ADMIN_TOKEN",
                        "gz_configured-admin-token-for-the-test"))
                .awaitReady()) {
      assertEquals(200, gazette.get("/api/v1/articles/37076").statusCode());
      assertEquals(
          201, create(gazette, "gz_configured-admin-token-for-the-test", "External").statusCode());
      assertFalse(Files.exists(dataDir.resolve("postgres")), "no embedded cluster was created");
      assertFalse(
          Files.exists(dataDir.resolve("admin-token")), "a configured token is not written out");
    }
  }

  @Test
  void aNewlyConfiguredAdminTokenReplacesTheOldOneAndARevokedOneStaysRevoked() throws Exception {
    String first = "gz_first-configured-admin-token-0001";
    String second = "gz_second-configured-admin-token-0002";
    String spare;
    try (GazetteProcess gazette =
        GazetteProcess.start(dataDir, Map.of("GAZETTE_ADMIN_TOKEN", first)).awaitReady()) {
      assertEquals(201, create(gazette, first, "Written with the first token").statusCode());
    }

    try (GazetteProcess gazette =
        GazetteProcess.start(dataDir, Map.of("GAZETTE_ADMIN_TOKEN", second)).awaitReady()) {
      assertEquals(401, create(gazette, first, "The replaced token").statusCode());
      assertEquals(201, create(gazette, second, "Written with the second token").statusCode());

      HttpResponse<String> created =
          gazette.send(
              "POST",
              "/api/v1/tokens",
              second,
              "application/json",
              "{\"name\": \"spare admin\", \"role\": \"admin\"}");
      assertEquals(201, created.statusCode(), created.body());
      spare = JSON.readTree(created.body()).path("token").asText();
      long bootstrapId = -1;
      HttpResponse<String> tokens = gazette.send("GET", "/api/v1/tokens", spare, null, null);
      for (JsonNode token : JSON.readTree(tokens.body()).path("data")) {
        if (token.path("name").asText().equals("bootstrap admin")) {
          bootstrapId = token.path("id").asLong();
        }
      }
      HttpResponse<String> revoked =
          gazette.send("DELETE", "/api/v1/tokens/" + bootstrapId, spare, null, null);
      assertEquals(204, revoked.statusCode(), revoked.body());
      assertEquals(401, create(gazette, second, "The revoked token").statusCode());
    }

    try (GazetteProcess gazette =
        GazetteProcess.start(dataDir, Map.of("GAZETTE_ADMIN_TOKEN", second)).awaitReady()) {
      assertEquals(401, create(gazette, second, "Still revoked after a restart").statusCode());
      assertTrue(gazette.log().contains("names a token that was revoked"), gazette.log());
      assertEquals(201, create(gazette, spare, "Written with the spare token").statusCode());
      assertFalse(
          Files.exists(dataDir.resolve("admin-token")), "a configured token is not written out");
    }
  }

  private static HttpResponse<String> create(GazetteProcess gazette, String token, String title)
      throws Exception {
    return gazette.send(
        "POST", "/api/v1/articles", token, "application/json", "{\"title\": \"" + title + "\"}");
  }
}
