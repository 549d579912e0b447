package io.gazette.transfer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gazette.database.IdSequences;
import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.gazette.support.CommentCounts;
import io.gazette.support.CommentFixture;
import io.gazette.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportExportTest {

  private static final String NDJSON = "application/x-ndjson";

  /**
   * Free ids just above everything stored, for articles and comments alike (the import then moves
   * both sequences past them, so that nothing created later collides).
   */
  private static long base() {
    return Math.max(
            Sql.number("select coalesce(max(id), 0) from article"),
            Sql.number("select coalesce(max(id), 0) from comment"))
        + 100;
  }

  private static String article(long id, String slug, String status) {
    return "{\"type\":\"article\",\"id\":"
        + id
        + ",\"slug\":\""
        + slug
        + "\",\"title\":\"Imported "
        + slug
        + "\",\"summary\":null,\"body\":\"Imported *body*.\",\"source\":\"SHAFAQNA\","
        + "\"author\":null,\"tags\":[\"imported\"],\"status\":\""
        + status
        + "\","
        + "\"publishedAt\":\"2016-09-09T18:11:00Z\",\"createdAt\":\"2016-09-09T18:00:00Z\","
        + "\"updatedAt\":\"2016-09-09T18:30:00Z\",\"version\":3,\"commentsOpen\":true}";
  }

  private static String comment(long id, long article, Long parent, String status) {
    return "{\"type\":\"comment\",\"id\":"
        + id
        + ",\"articleId\":"
        + article
        + ",\"parentId\":"
        + parent
        + ",\"authorName\":\"Reader\",\"authorEmail\":\"reader@example.org\","
        + "\"authorUrl\":null,\"body\":\"Comment "
        + id
        + "\",\"status\":\""
        + status
        + "\","
        + "\"createdAt\":\"2016-09-10T00:00:00Z\",\"updatedAt\":\"2016-09-10T00:00:00Z\"}";
  }

  /** An import whose body is still being sent, begun with its first lines and holding its lock. */
  private record StreamedImport(
      PipedOutputStream lines, CompletableFuture<HttpResponse<String>> answer) {

    static StreamedImport start(String firstLines) throws Exception {
      PipedOutputStream lines = new PipedOutputStream();
      PipedInputStream body = new PipedInputStream(lines, 1 << 20);
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create("http://localhost:" + RestAssured.port + "/api/v1/import"))
              .header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
              .header("Content-Type", NDJSON)
              .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
              .build();
      CompletableFuture<HttpResponse<String>> answer =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .build()
              .sendAsync(request, HttpResponse.BodyHandlers.ofString());
      lines.write(firstLines.getBytes(StandardCharsets.UTF_8));
      lines.flush();
      // Once the import holds its lock, it is under way.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (Sql.number(
              "select count(*) from pg_locks where locktype = 'advisory' and granted"
                  + " and classid::bigint = ? and objid::bigint = ? and objsubid = 1",
              IdSequences.IMPORT_LOCK >>> 32,
              IdSequences.IMPORT_LOCK & 0xFFFFFFFFL)
          == 0) {
        if (answer.isDone()) {
          HttpResponse<String> early = answer.get();
          throw new AssertionError(
              "the import ended early: " + early.statusCode() + " " + early.body());
        }
        assertTrue(System.nanoTime() < deadline, "the import did not start");
        Thread.sleep(20);
      }
      return new StreamedImport(lines, answer);
    }
  }

  private static io.restassured.response.Response importing(String body) {
    return Api.admin()
        .contentType(NDJSON)
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/import");
  }

  @Test
  void importKeepsIdsComputesCountersAndLaterIdsDoNotCollide() {
    long id = base();
    String slug = "imported-" + Api.unique();
    String file =
        String.join(
            "\n",
            article(id, slug, "published"),
            comment(id + 1, id, null, "approved"),
            comment(id + 2, id, id + 1, "approved"),
            comment(id + 3, id, id + 1, "pending"),
            comment(id + 4, id, null, "spam"));

    importing(file)
        .then()
        .statusCode(200)
        .body("articles", equalTo(1))
        .body("comments", equalTo(4));

    Api.anonymous()
        .get("/api/v1/articles/" + id)
        .then()
        .statusCode(200)
        .body("slug", equalTo(slug))
        .body("version", equalTo(3))
        .body("commentCount", equalTo(2))
        .body("createdAt", equalTo("2016-09-09T18:00:00Z"))
        .body("bodyHtml", equalTo("<p>Imported <em>body</em>.</p>\n"));
    Api.anonymous()
        .get(CommentFixture.path(id))
        .then()
        .body("data.id", equalTo(List.of((int) (id + 1), (int) (id + 2))))
        .body("data[0].replyCount", equalTo(1));
    long next = ArticleFixture.draft().createId();
    assertTrue(next > id, "server ids continue after imported ones");
    long nextComment = CommentFixture.on(id).postId();
    assertTrue(nextComment > id + 4);
  }

  @Test
  void twoImportsOfTheSameIdsAtOnceGiveOneSuccessAndOneProblemNamingTheLine() throws Exception {
    long id = base();
    String marker = Api.unique();
    String file =
        LongStream.range(0, 3000)
            .mapToObj(i -> article(id + i, "concurrent-" + marker + "-" + i, "draft"))
            .collect(Collectors.joining("\n"));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<io.restassured.response.Response>> answers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return importing(file);
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<io.restassured.response.Response> answer : answers) {
        io.restassured.response.Response response = answer.get(120, TimeUnit.SECONDS);
        statuses.add(response.statusCode());
        if (response.statusCode() == 400) {
          response
              .then()
              .contentType("application/problem+json")
              .body("errors[0].field", equalTo("id"))
              .body("errors[0].line", equalTo(1));
        }
      }
      statuses.sort(null);
      assertEquals(List.of(200, 400), statuses);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        3000,
        Sql.number(
            "select count(*) from article where slug like ?", "concurrent-" + marker + "-%"));
  }

  @Test
  void createsWhileAnImportRunsWaitForItAndGetIdsAboveAllItsIds() throws Exception {
    long first = base();
    String marker = Api.unique();
    // Ids just above the sequence, which a create would draw next, in the first batch and after.
    StringBuilder firstBatch = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      firstBatch.append(article(first + i, "during-" + marker + "-" + i, "draft")).append('\n');
    }
    StreamedImport streamed = StreamedImport.start(firstBatch.toString());
    PipedOutputStream lines = streamed.lines();
    CompletableFuture<HttpResponse<String>> answer = streamed.answer();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Long> article =
          pool.submit(() -> ArticleFixture.draft().title("Created during an import").createId());
      Future<Long> comment = pool.submit(() -> CommentFixture.on(37076).postId());
      Thread.sleep(500);
      assertTrue(!article.isDone() && !comment.isDone(), "creates wait for the import");
      // The rest of the import holds ids the sequence has not reached yet.
      StringBuilder rest = new StringBuilder();
      for (int i = 1000; i < 3000; i++) {
        rest.append(article(first + i, "during-" + marker + "-" + i, "draft")).append('\n');
      }
      lines.write(rest.toString().getBytes(StandardCharsets.UTF_8));
      lines.close();
      HttpResponse<String> imported = answer.get(60, TimeUnit.SECONDS);
      assertEquals(200, imported.statusCode(), imported.body());
      assertTrue(article.get(10, TimeUnit.SECONDS) > first + 2999);
      assertTrue(comment.get(10, TimeUnit.SECONDS) > 0);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void onlyAFewCreatesWaitForAnImportSoThatReadsAndEditsStillFindConnections() throws Exception {
    long article = ArticleFixture.published().createId();
    long edited = ArticleFixture.draft().createId();
    long first = base();
    String marker = Api.unique();
    StreamedImport streamed =
        StreamedImport.start(
            LongStream.range(0, 1000)
                .mapToObj(i -> article(first + i, "waited-for-" + marker + "-" + i, "draft"))
                .collect(Collectors.joining("\n", "", "\n")));
    int posters = 40; // twice the connection pool
    ExecutorService pool = Executors.newFixedThreadPool(posters);
    try (PipedOutputStream lines = streamed.lines()) {
      List<Future<io.restassured.response.Response>> posts = new ArrayList<>();
      for (int i = 0; i < posters; i++) {
        posts.add(
            pool.submit(
                () ->
                    Api.anonymous()
                        .contentType("application/json")
                        .body(CommentFixture.on(article).fields())
                        .post(CommentFixture.path(article))));
      }
      // The posts beyond the few that wait are refused at once, without a connection.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
      while (posts.stream().filter(Future::isDone).count() < posters - 4
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      Thread.sleep(200); // long enough for a fifth waiter to show itself
      long refused = 0;
      for (Future<io.restassured.response.Response> post : posts) {
        if (post.isDone()) {
          post.get()
              .then()
              .statusCode(503)
              .contentType("application/problem+json")
              .header("Retry-After", "5")
              .body("detail", containsString("import"));
          refused++;
        }
      }
      assertEquals(posters - 4, refused);
      // Meanwhile an edit and a read that needs the database are served at once.
      Api.admin()
          .contentType("application/merge-patch+json")
          .body(Map.of("title", "Edited during an import"))
          .patch("/api/v1/articles/" + edited)
          .then()
          .statusCode(200);
      Api.admin().get("/api/v1/articles/" + edited).then().statusCode(200);
      lines.close();
      HttpResponse<String> imported = streamed.answer().get(60, TimeUnit.SECONDS);
      assertEquals(200, imported.statusCode(), imported.body());
      int created = 0;
      for (Future<io.restassured.response.Response> post : posts) {
        if (post.get(10, TimeUnit.SECONDS).statusCode() == 201) {
          created++;
        }
      }
      assertEquals(4, created, "the posts that waited are stored once the import ends");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aCommentKeepsItsVersionAndSoItsETagThroughExportAndImport() {
    long id = base();
    String slug = "versioned-" + Api.unique();
    importing(
            article(id, slug, "published")
                + "\n"
                + comment(id + 1, id, null, "approved").replace("}", ",\"version\":4}"))
        .then()
        .statusCode(200);
    var read = Api.admin().get("/api/v1/comments/" + (id + 1));
    read.then().statusCode(200).body("version", equalTo(4));
    String exported =
        Api.admin().accept("*/*").get("/api/v1/export").then().statusCode(200).extract().asString();
    String line =
        exported
            .lines()
            .filter(l -> l.startsWith("{\"type\":\"comment\",\"id\":" + (id + 1) + ","))
            .findFirst()
            .orElseThrow();
    assertTrue(line.endsWith(",\"version\":4}"), line);
    String etag = read.header("ETag");
    Api.admin()
        .header("If-None-Match", etag)
        .get("/api/v1/comments/" + (id + 1))
        .then()
        .statusCode(304);
  }

  @Test
  void anImportNeverMovesIdsBackSoIdsOfDeletedArticlesAreNotHandedOutAgain() {
    long id = base();
    importing(article(id, "before-" + Api.unique(), "draft")).then().statusCode(200);
    ArticleFixture.draft().createId();
    long deleted = ArticleFixture.draft().createId();
    Api.admin().delete("/api/v1/articles/" + deleted).then().statusCode(204);
    // An id below every stored one's neighbours: setting the sequence to the largest stored id
    // would hand out the deleted article's id next.
    importing(article(id - 50, "after-" + Api.unique(), "draft")).then().statusCode(200);
    long next = ArticleFixture.draft().createId();
    assertTrue(next > deleted, "the id of a deleted article came back: " + next);
  }

  @Test
  void anArticleDeletedWhileAnImportStoresCommentsOnItMakesTheImportAConflict() throws Exception {
    long stored = ArticleFixture.published().createId();
    long id = base();
    String file =
        article(id, "deleted-meanwhile-" + Api.unique(), "draft")
            + "\n"
            + comment(id + 1, stored, null, "approved");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (java.sql.Connection holder =
        java.sql.DriverManager.getConnection(
            io.gazette.support.PostgresResource.jdbcUrl(), "postgres", "")) {
      holder.setAutoCommit(false);
      // The import checks its references, then waits here to store its rows ...
      holder.createStatement().execute("lock table article in share mode");
      Future<io.restassured.response.Response> answer = pool.submit(() -> importing(file));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (Sql.number(
              "select count(*) from pg_locks where relation = 'article'::regclass"
                  + " and mode = 'RowExclusiveLock' and not granted")
          == 0) {
        assertTrue(!answer.isDone(), "the import ended early");
        assertTrue(System.nanoTime() < deadline, "the import did not reach its store");
        Thread.sleep(20);
      }
      // ... while the article its comment names is deleted.
      holder.createStatement().execute("delete from article where id = " + stored);
      holder.commit();
      answer
          .get(60, TimeUnit.SECONDS)
          .then()
          .statusCode(409)
          .contentType("application/problem+json")
          .body("detail", containsString("deleted while"));
    } finally {
      pool.shutdownNow();
    }
    assertEquals(0, Sql.number("select count(*) from article where id = ?", id));
  }

  @Test
  void aBadLineAfterBatchesAlreadyWrittenStillRejectsTheWholeImport() {
    long id = base();
    long comments = Sql.number("select count(*) from comment");
    // Several staging batches (1,000 rows each) are written before the bad line is read.
    List<String> lines = new ArrayList<>();
    lines.add(article(id, "late-bad-line-" + Api.unique(), "published"));
    for (long n = 1; n <= 3_500; n++) {
      lines.add(comment(id + n, id, null, "approved"));
    }
    lines.add(
        comment(id + 3_501, id, null, "approved")
            .replace("\"status\":\"approved\"", "\"status\":\"maybe\""));
    lines.add(comment(id + 3_502, id, null, "approved"));

    importing(String.join("\n", lines))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("status"))
        .body("errors[0].line", equalTo(3_502));
    Api.admin().get("/api/v1/articles/" + id).then().statusCode(404);
    assertEquals(comments, Sql.number("select count(*) from comment"));

    // The import's connection is healthy and back in the pool: the same file without the bad line
    // imports.
    lines.remove(lines.size() - 2);
    importing(String.join("\n", lines)).then().statusCode(200).body("comments", equalTo(3_501));
    Api.anonymous().get("/api/v1/articles/" + id).then().body("commentCount", equalTo(3_501));
  }

  @Test
  void aBadLineRejectsTheWholeImportNamingLineAndField() {
    long id = base();
    String file =
        String.join(
            "\n",
            article(id, "bad-import-" + Api.unique(), "published"),
            comment(id + 1, id, null, "approved"),
            comment(id + 2, id, null, "approved").replace("reader@example.org", "not-an-email"));

    importing(file)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("authorEmail"))
        .body("errors[0].line", equalTo(3));
    Api.admin().get("/api/v1/articles/" + id).then().statusCode(404);
  }

  @Test
  void commentsImportedOntoStoredArticlesAndCommentsCountThere() {
    long stored = base();
    importing(
            String.join(
                "\n",
                article(stored, "stored-" + Api.unique(), "published"),
                comment(stored + 1, stored, null, "approved")))
        .then()
        .statusCode(200);
    long id = base();
    importing(
            String.join(
                "\n",
                comment(id, stored, stored + 1, "approved"),
                comment(id + 1, stored, id, "approved"),
                comment(id + 2, stored, null, "pending"),
                article(id + 3, "fresh-" + Api.unique(), "published"),
                comment(id + 4, id + 3, null, "approved"),
                comment(id + 5, id + 3, id + 4, "spam")))
        .then()
        .statusCode(200)
        .body("comments", equalTo(5));

    Api.anonymous().get("/api/v1/articles/" + stored).then().body("commentCount", equalTo(3));
    Api.anonymous().get("/api/v1/articles/" + (id + 3)).then().body("commentCount", equalTo(1));
    CommentCounts.assertExact(stored);
    CommentCounts.assertExact(id + 3);
  }

  @Test
  void importedArticlesAreFoundByTheWordsOfTheirTitleSummaryAndBody() {
    long id = base();
    String unique = Api.unique();
    String file =
        LongStream.range(id, id + 3)
            .mapToObj(
                n ->
                    article(n, "searchable-" + unique + "-" + n, "published")
                        .replace("\"summary\":null", "\"summary\":\"Summary of number" + n + "\"")
                        .replace("Imported *body*.", "The *body* of quokkafest" + n + "."))
            .collect(Collectors.joining("\n"));

    importing(file).then().statusCode(200).body("articles", equalTo(3));

    Map<String, Long> expected =
        Map.of(
            "searchable-" + unique + "-" + id, id, // title
            "number" + (id + 1), id + 1, // summary
            "quokkafest" + (id + 2), id + 2); // body
    expected.forEach(
        (query, article) ->
            assertEquals(
                List.of(article),
                Api.anonymous()
                    .queryParam("q", query)
                    .get("/api/v1/articles")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("data.id", Long.class),
                query));
    // The vector computed while staging is the one every other write computes.
    assertEquals(
        0,
        Sql.number(
            "select count(*) from article where id between ? and ?"
                + " and search is distinct from article_search_vector(title, summary, body)",
            id,
            id + 2));
  }

  @Test
  void aLargeImportLeavesThePlannerStatisticsOfWhatItImported() {
    long stored = Sql.number("select count(*) from article");
    long id = base();
    int count = (int) (100 + stored / 5); // more than the tenth that calls for fresh statistics
    String unique = Api.unique();
    String file =
        LongStream.range(id, id + count)
            .mapToObj(
                n ->
                    article(n, "statistics-" + unique + "-" + n, "published")
                        .replace("Imported *body*.", "A wombatfest report."))
            .collect(Collectors.joining("\n"));

    importing(file).then().statusCode(200).body("articles", equalTo(count));

    // Without them, a search for a word in most articles is planned as if the word were rare.
    assertEquals(
        1,
        Sql.number(
            "select count(*) from pg_stats where tablename = 'article' and attname = 'search'"
                + " and most_common_elems::text::text[] @> array['wombatfest']"));
  }

  @Test
  void referencesMustPointBackwards() {
    long id = base();
    String slug = "order-" + Api.unique();
    importing(comment(id + 1, id, null, "approved") + "\n" + article(id, slug, "published"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("articleId"))
        .body("errors[0].line", equalTo(1));
    importing(
            String.join(
                "\n",
                article(id, slug, "published"),
                comment(id + 2, id, id + 1, "approved"),
                comment(id + 1, id, null, "approved")))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("parentId"))
        .body("errors[0].line", equalTo(2));
  }

  @Test
  void duplicateIdsAndSlugsAreRejected() {
    long id = base();
    String slug = "dup-" + Api.unique();
    importing(article(id, slug, "draft") + "\n" + article(id, slug + "-b", "draft"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("id"))
        .body("errors[0].line", equalTo(2));
    importing(
            article(id, "kerry-lands-in-geneva-for-syria-peace-talks-with-russias-lavrov", "draft"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("slug"));
  }

  @Test
  void idsAndVersionsBeyondTwoToThe53AreRejectedSoThatLaterCreatesStillWork() {
    long largest = (1L << 53) - 1;
    String slug = "huge-id-" + Api.unique();
    importing(article(Long.MAX_VALUE, slug, "draft"))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("id"));
    importing(
            article(base(), slug, "draft")
                .replace("\"version\":3", "\"version\":" + Long.MAX_VALUE))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("version"));
    long article = ArticleFixture.published().createId();
    importing(comment(largest + 1, article, null, "pending"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("id"));

    assertTrue(ArticleFixture.draft().createId() > article);
    CommentFixture.on(article).postId();
  }

  @Test
  void importedTimesFromYear1To9999AreKeptExactlyByReadsModerationPagingAndExport() {
    long id = base();
    String slug = "extreme-times-" + Api.unique();
    String file =
        String.join(
            "\n",
            article(id, slug, "published")
                .replace("2016-09-09T18:11:00Z", "1500-01-01T00:00:00Z")
                .replace("2016-09-09T18:00:00Z", "0001-01-01T00:00:00Z")
                .replace("2016-09-09T18:30:00Z", "9999-12-31T23:59:59.999999Z"),
            comment(id + 1, id, null, "approved")
                .replace("2016-09-10T00:00:00Z", "0001-01-01T00:00:00Z"),
            comment(id + 2, id, null, "approved")
                .replace("2016-09-10T00:00:00Z", "1500-01-01T00:00:00Z"),
            comment(id + 3, id, null, "approved")
                .replace("2016-09-10T00:00:00Z", "9999-12-31T23:59:59Z"));
    List<String> oldestFirst =
        List.of("0001-01-01T00:00:00Z", "1500-01-01T00:00:00Z", "9999-12-31T23:59:59Z");

    importing(file).then().statusCode(200).body("comments", equalTo(3));

    Api.anonymous()
        .get("/api/v1/articles/" + id)
        .then()
        .statusCode(200)
        .header("Last-Modified", equalTo("Fri, 31 Dec 9999 23:59:59 GMT"))
        .body("publishedAt", equalTo("1500-01-01T00:00:00Z"))
        .body("createdAt", equalTo("0001-01-01T00:00:00Z"))
        .body("updatedAt", equalTo("9999-12-31T23:59:59.999999Z"));
    assertEquals(oldestFirst, walk(Api::anonymous, CommentFixture.path(id)));
    List<String> newestFirst = new ArrayList<>(oldestFirst);
    java.util.Collections.reverse(newestFirst);
    assertEquals(
        newestFirst,
        walk(
            () -> Api.admin().queryParam("articleId", id).queryParam("status", "any"),
            "/api/v1/comments"));
    Api.admin()
        .contentType("application/merge-patch+json")
        .body(Map.of("status", "spam"))
        .patch("/api/v1/comments/" + (id + 2))
        .then()
        .statusCode(200)
        .body("createdAt", equalTo("1500-01-01T00:00:00Z"));
    Api.admin()
        .get("/api/v1/comments/" + (id + 2))
        .then()
        .statusCode(200)
        .body("createdAt", equalTo("1500-01-01T00:00:00Z"));

    String export = Api.admin().get("/api/v1/export").then().statusCode(200).extract().asString();
    String articleLine = exportedLine(export, "article", id);
    assertTrue(articleLine.contains("\"publishedAt\":\"1500-01-01T00:00:00Z\""), articleLine);
    assertTrue(articleLine.contains("\"createdAt\":\"0001-01-01T00:00:00Z\""), articleLine);
    assertTrue(articleLine.contains("\"updatedAt\":\"9999-12-31T23:59:59.999999Z\""), articleLine);
    for (int n = 1; n <= 3; n++) {
      String commentLine = exportedLine(export, "comment", id + n);
      assertTrue(
          commentLine.contains("\"createdAt\":\"" + oldestFirst.get(n - 1) + "\""), commentLine);
    }
  }

  /** The createdAt of every comment of a list, following meta.nextCursor one comment a page. */
  private static List<String> walk(
      java.util.function.Supplier<io.restassured.specification.RequestSpecification> list,
      String path) {
    List<String> times = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var request = list.get().queryParam("limit", 1);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      io.restassured.response.Response page = request.get(path);
      page.then().statusCode(200);
      times.addAll(page.path("data.createdAt"));
      cursor = page.path("meta.nextCursor");
      pages++;
    } while (cursor != null && pages < 10);
    return times;
  }

  private static String exportedLine(String export, String type, long id) {
    String start = "{\"type\":\"" + type + "\",\"id\":" + id + ",";
    return export.lines().filter(line -> line.startsWith(start)).findFirst().orElseThrow();
  }

  @Test
  void importedTimesOutsideYears1To9999InUtcAreRefusedNamingLineAndField() {
    long id = base();
    String slug = "out-of-range-" + Api.unique();
    String[][] cases = {
      {"publishedAt", "2016-09-09T18:11:00Z", "0000-01-01T00:00:00+01:00"},
      {"createdAt", "2016-09-09T18:00:00Z", "9999-12-31T23:59:59-01:00"},
      {"updatedAt", "2016-09-09T18:30:00Z", "0000-12-31T23:59:59Z"}
    };
    for (String[] field : cases) {
      importing(article(id, slug, "published").replace(field[1], field[2]))
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo(field[0]))
          .body("errors[0].line", equalTo(1))
          .body(
              "errors[0].message",
              equalTo("must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z"));
    }
    importing(
            article(id, slug, "draft")
                + "\n"
                + comment(id + 1, id, null, "approved")
                    .replace("2016-09-10T00:00:00Z", "2016-09-10T00:00:00.Z"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("createdAt"))
        .body("errors[0].line", equalTo(2));
    Api.admin().get("/api/v1/articles/" + id).then().statusCode(404);
  }

  @Test
  void malformedLinesAndUnknownTypesAreProblems() {
    importing("{\"type\":\"article\",").then().statusCode(400).body("errors[0].line", equalTo(1));
    importing("{\"type\":\"poll\",\"id\":1}")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("type"));
    importing("[1,2]").then().statusCode(400).contentType("application/problem+json");
    // Two objects on one line: the detail speaks of the line, not of the parser's settings.
    importing("{\"type\":\"article\"} {\"type\":\"article\"}")
        .then()
        .statusCode(400)
        .body("errors[0].line", equalTo(1))
        .body("detail", containsString("Trailing token"))
        .body("detail", org.hamcrest.Matchers.not(containsString("`")))
        .body("detail", org.hamcrest.Matchers.not(containsString("Feature")));
  }

  @Test
  void aLineOfIllFormedUtf8RejectsTheImportNamingTheLine() {
    String slug = "overlong-" + Api.unique();
    byte[] good = (article(base(), slug, "draft") + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] start = "{\"type\":\"poll\",\"x\":\"".getBytes(StandardCharsets.UTF_8);
    // C0 BC would decode to "<" if overlong forms were accepted.
    byte[] body = new byte[good.length + start.length + 4];
    System.arraycopy(good, 0, body, 0, good.length);
    System.arraycopy(start, 0, body, good.length, start.length);
    body[body.length - 4] = (byte) 0xC0;
    body[body.length - 3] = (byte) 0xBC;
    body[body.length - 2] = '"';
    body[body.length - 1] = '}';

    Api.admin()
        .contentType(NDJSON)
        .body(body)
        .post("/api/v1/import")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].line", equalTo(2))
        .body("detail", containsString("not valid UTF-8"));
    Api.admin().get("/api/v1/articles/" + slug).then().statusCode(404);
  }

  @Test
  void importAndExportAreForAdminsOnly() {
    Api.anonymous()
        .contentType(NDJSON)
        .body(new byte[0])
        .post("/api/v1/import")
        .then()
        .statusCode(401);
    io.restassured.RestAssured.given().accept(NDJSON).get("/api/v1/export").then().statusCode(401);
  }

  @Test
  void exportImportsIntoTheSameContentAndCarriesModeratorFields() {
    String export =
        Api.admin()
            .get("/api/v1/export")
            .then()
            .statusCode(200)
            .contentType(NDJSON)
            .extract()
            .asString();
    List<String> lines = export.lines().collect(Collectors.toList());

    assertTrue(lines.get(0).startsWith("{\"type\":\"article\""));
    assertTrue(lines.stream().anyMatch(line -> line.contains("\"authorEmail\"")));
    long articles = lines.stream().filter(line -> line.startsWith("{\"type\":\"article\"")).count();
    assertEquals(Sql.number("select count(*) from article"), articles);
  }
}
