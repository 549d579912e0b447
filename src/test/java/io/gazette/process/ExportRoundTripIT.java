package io.gazette.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export, import into an empty Gazette, export again: the same bytes. */
class ExportRoundTripIT {

  private static final String TOKEN = "gz_round-trip-admin-token-012345678";

  @Test
  void exportImportedIntoAnEmptyGazetteExportsByteIdentically(
      @TempDir Path source, @TempDir Path target) throws Exception {
    byte[] first;
    try (GazetteProcess gazette =
        GazetteProcess.start(source, Map.of("GAZETTE_ADMIN_TOKEN", TOKEN)).awaitReady()) {
      long draft =
          id(
              send(
                  gazette,
                  "POST",
                  "/api/v1/articles",
                  "{\"title\":\"Draft ünïcödé “quotes”\",\"body\":\"Line\\n\\n| a | b |\\n|---|---|\\n| 1 | 2 |\",\"tags\":[\"x\",\"y\"],\"summary\":\"Own summary\"}"));
      assertEquals(
          200,
          send(gazette, "PATCH", "/api/v1/articles/" + draft, "{\"status\":\"archived\"}")
              .statusCode());
      long top =
          id(
              send(
                  gazette,
                  "POST",
                  "/api/v1/articles/37076/comments",
                  "{\"authorName\":\"Ann\",\"authorEmail\":\"ann@example.org\",\"body\":\"First\\nline two\",\"authorUrl\":\"https://ann.example.org\"}"));
      send(gazette, "PATCH", "/api/v1/comments/" + top, "{\"status\":\"approved\"}");
      long reply =
          id(
              send(
                  gazette,
                  "POST",
                  "/api/v1/articles/37076/comments",
                  "{\"authorName\":\"Ben\",\"authorEmail\":\"ben@example.org\",\"body\":\"Reply\",\"parentId\":"
                      + top
                      + "}"));
      send(gazette, "PATCH", "/api/v1/comments/" + reply, "{\"status\":\"approved\"}");
      send(
          gazette,
          "POST",
          "/api/v1/articles/37076/comments",
          "{\"authorName\":\"Spam\",\"authorEmail\":\"spam@example.org\",\"body\":\"Buy now\"}");
      // Content imported with the largest id: nothing can be created after it, and yet the
      // export must import again.
      long largest = (1L << 53) - 1;
      HttpResponse<String> imported =
          gazette.importNdjson(
              TOKEN,
              ("{\"type\":\"article\",\"id\":"
                      + largest
                      + ",\"slug\":\"largest-id\",\"title\":\"Largest\",\"status\":\"published\","
                      + "\"createdAt\":\"2016-09-09T18:11:00Z\",\"updatedAt\":\"2016-09-09T18:11:00Z\"}\n"
                      + "{\"type\":\"comment\",\"id\":"
                      + largest
                      + ",\"articleId\":"
                      + largest
                      + ",\"authorName\":\"Max\",\"authorEmail\":\"max@example.org\",\"body\":\"Last\","
                      + "\"status\":\"approved\",\"createdAt\":\"2016-09-10T00:00:00Z\","
                      + "\"updatedAt\":\"2016-09-10T00:00:00Z\"}\n")
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertEquals(200, imported.statusCode(), imported.body());
      HttpResponse<String> article =
          send(gazette, "POST", "/api/v1/articles", "{\"title\":\"After\"}");
      assertEquals(409, article.statusCode(), article.body());
      assertTrue(article.body().contains("No ids are left"), article.body());
      HttpResponse<String> comment =
          send(
              gazette,
              "POST",
              "/api/v1/articles/largest-id/comments",
              "{\"authorName\":\"N\",\"authorEmail\":\"n@example.org\",\"body\":\"After\"}");
      assertEquals(409, comment.statusCode(), comment.body());
      assertTrue(comment.body().contains("No ids are left"), comment.body());
      first = export(gazette);
    }

    byte[] second;
    try (GazetteProcess empty =
        GazetteProcess.start(
                target, Map.of("GAZETTE_ADMIN_TOKEN", TOKEN, "GAZETTE_DEMO_CONTENT", "false"))
            .awaitReady()) {
      HttpResponse<String> imported = empty.importNdjson(TOKEN, first);
      assertEquals(200, imported.statusCode(), imported.body());
      assertTrue(empty.get("/api/v1/articles/37076").body().contains("\"commentCount\":2"));
      second = export(empty);
    }

    assertTrue(new String(first).lines().count() >= 5);
    assertArrayEquals(first, second);
  }

  private static byte[] export(GazetteProcess gazette) throws Exception {
    HttpResponse<byte[]> response =
        HttpClientHolder.CLIENT.send(
            HttpRequest.newBuilder(gazette.uri("/api/v1/export"))
                .header("Authorization", "Bearer " + TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    return response.body();
  }

  private static HttpResponse<String> send(
      GazetteProcess gazette, String method, String path, String json) throws Exception {
    String type = method.equals("PATCH") ? "application/merge-patch+json" : "application/json";
    return gazette.send(
        HttpRequest.newBuilder(gazette.uri(path))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", type)
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private static long id(HttpResponse<String> created) {
    assertEquals(201, created.statusCode(), created.body());
    return Long.parseLong(created.body().replaceAll("^\\{\"id\":(\\d+).*$", "$1").strip());
  }

  private static final class HttpClientHolder {
    static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newHttpClient();
  }
}
