package io.gazette.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory stays bounded with articles of megabyte bodies: the import holds a bounded amount of its
 * input at a time (counted in bytes as well as in lines), the article cache weighs what it holds,
 * and a list page of large bodies is written as it is read. A Gazette whose heap is far smaller
 * than the import imports such articles, serves concurrent readers and lists them all.
 */
class LargeImportIT {

  private static final String TOKEN = "gz_large-import-admin-token-0123456";
  private static final int ARTICLES = 60;

  @Test
  void articlesWithMegabyteBodiesAreImportedReadAndListedWithinASmallHeap(@TempDir Path data)
      throws Exception {
    byte[] ndjson = articles();
    assertTrue(ndjson.length > ARTICLES * 900_000L);
    try (GazetteProcess gazette =
        GazetteProcess.start(
                data,
                Map.of(
                    "GAZETTE_ADMIN_TOKEN",
                    TOKEN,
                    "GAZETTE_DEMO_CONTENT",
                    "false",
                    "JAVA_TOOL_OPTIONS",
                    "-Xmx128m"))
            .awaitReady()) {
      HttpResponse<String> imported = gazette.importNdjson(TOKEN, ndjson);
      assertEquals(200, imported.statusCode(), imported.body());
      assertEquals("{\"articles\":" + ARTICLES + ",\"comments\":0}", imported.body());

      HttpResponse<String> last = gazette.get("/api/v1/articles/" + ARTICLES);
      assertEquals(200, last.statusCode(), last.body());
      assertTrue(last.body().length() > 2_000_000, "body and bodyHtml of a megabyte each");
      // Readers ask for every article, by id and by slug, sixteen at a time: the cache stays
      // within its share of the heap, and articles are built from the database a few at a time.
      ExecutorService readers = Executors.newFixedThreadPool(16);
      try {
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 4 * ARTICLES; i++) {
          int id = 1 + (i * 7) % ARTICLES;
          String path = "/api/v1/articles/" + (i % 2 == 0 ? String.valueOf(id) : "large-" + id);
          // HTTP/1.1 as browsers and curl speak it: the JDK client's default, an upgrade to
          // HTTP/2 on a plain connection, once misread a 2 MB answer here (see the issue note).
          HttpRequest request =
              HttpRequest.newBuilder(gazette.uri(path))
                  .version(HttpClient.Version.HTTP_1_1)
                  .build();
          answers.add(readers.submit(() -> gazette.send(request)));
        }
        for (Future<HttpResponse<String>> answer : answers) {
          assertEquals(200, answer.get().statusCode(), answer.get().body());
        }
      } finally {
        readers.shutdown();
      }

      // A page of all of them, bodies included: written as it is read, not built in memory.
      HttpResponse<String> page = gazette.get("/api/v1/articles?limit=100&fields=id,body,bodyHtml");
      assertEquals(200, page.statusCode());
      assertTrue(page.body().length() > ARTICLES * 2_000_000L, "every body and its HTML");
      assertTrue(page.body().endsWith("\"meta\":{\"limit\":100,\"nextCursor\":null}}"));
      assertFalse(gazette.log().contains("OutOfMemoryError"), gazette.log());
    }
  }

  /** Articles whose Markdown bodies are just under the 1 MiB limit, in paragraphs of words. */
  private static byte[] articles() {
    String[] words = {"council", "budget", "schools", "roads", "parks", "residents", "taxes"};
    StringBuilder paragraph = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      paragraph.append(words[i % words.length]).append(i % 11 == 0 ? ". " : " ");
    }
    paragraph.append("\\n\\n");
    String body = paragraph.toString().repeat(1_000_000 / paragraph.length());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int id = 1; id <= ARTICLES; id++) {
      String line =
          "{\"type\":\"article\",\"id\":"
              + id
              + ",\"slug\":\"large-"
              + id
              + "\",\"title\":\"Large article "
              + id
              + "\",\"status\":\"published\",\"publishedAt\":\"2020-01-01T00:00:00Z\",\"body\":\""
              + body
              + "\"}\n";
      out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
