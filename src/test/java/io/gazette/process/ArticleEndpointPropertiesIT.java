package io.gazette.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gazette.database.EmbeddedDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile input at scale against the packaged application: generated bodies, query strings, path
 * segments and headers for every article endpoint. Whatever arrives, the answer is never a 5xx, a
 * 4xx is always a problem document, and a rejected request changes nothing stored.
 */
class ArticleEndpointPropertiesIT {

  private static final String TOKEN = "gz_property-test-admin-token-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ARTICLES = "/api/v1/articles";

  /**
   * Request lines over 4 KiB (414) and header blocks over 20 KiB (431) are refused by the HTTP
   * codec, and request targets that are not RFC 3986 URIs (a stray '%', "%zz") by Quarkus' HTTP
   * layer, all before routing and with an empty body: the exceptions to "every 4xx is a problem".
   */
  private static final java.util.Set<Integer> PROTOCOL_LIMITS = java.util.Set.of(414, 431);

  private static EmbeddedDatabase database;
  private static GazetteProcess gazette;
  private static Connection db;
  private static long fixture;

  @BeforeContainer
  static void startGazette() throws Exception {
    Path root = Files.createDirectories(Path.of("target", "properties-it"));
    database = EmbeddedDatabase.start(Files.createTempDirectory(root, "db-"), 0);
    gazette =
        GazetteProcess.start(
                Files.createTempDirectory(root, "data-"),
                Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL",
                    database.datasourceProperties().get("quarkus.datasource.jdbc.url"),
                    "QUARKUS_DATASOURCE_USERNAME",
                    EmbeddedDatabase.USER,
                    "GAZETTE_ADMIN_TOKEN",
                    TOKEN))
            .awaitReady();
    db = DriverManager.getConnection(database.jdbcUrl());
    RawHttp.Answer created =
        send(
            "POST",
            ARTICLES,
            json(),
            "{\"title\": \"Property fixture\", \"status\": \"published\"}"
                .getBytes(StandardCharsets.UTF_8));
    assertEquals(201, created.status(), created.body());
    fixture = JSON.readTree(created.body()).path("id").asLong();
  }

  @AfterContainer
  static void stopGazette() throws Exception {
    if (db != null) {
      db.close();
    }
    if (gazette != null) {
      gazette.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Property(tries = 200)
  void createAnswersHostileBodiesWithoutServerErrors(@ForAll("bodies") byte[] body)
      throws Exception {
    assertRejectionChangesNothing("POST", ARTICLES, json(), body);
  }

  @Property(tries = 200)
  void replaceAndPatchAnswerHostileBodiesWithoutServerErrors(
      @ForAll("bodies") byte[] body, @ForAll boolean patch) throws Exception {
    Map<String, String> headers = json();
    if (patch) {
      headers.put("Content-Type", "application/merge-patch+json");
    }
    assertRejectionChangesNothing(patch ? "PATCH" : "PUT", ARTICLES + "/" + fixture, headers, body);
  }

  @Property(tries = 200)
  void listAnswersHostileQueryStringsWithoutServerErrors(
      @ForAll("queries") String query, @ForAll boolean withToken) throws Exception {
    Map<String, String> headers = withToken ? json() : new LinkedHashMap<>();
    assertRejectionChangesNothing("GET", ARTICLES + "?" + query, headers, null);
  }

  @Property(tries = 200)
  void hostilePathSegmentsAreNeverServerErrors(
      @ForAll("segments") String segment,
      @ForAll("methods") String method,
      @ForAll("bodies") byte[] body)
      throws Exception {
    Map<String, String> headers = json();
    // A stale If-Match keeps a segment that happens to name a real article from deleting it.
    headers.put("If-Match", "\"0-0-0\"");
    byte[] sent = method.equals("GET") || method.equals("DELETE") ? null : body;
    assertRejectionChangesNothing(method, ARTICLES + "/" + segment, headers, sent);
  }

  @Property(tries = 200)
  void hostileHeadersAreNeverServerErrors(
      @ForAll("headers") Map<String, String> hostile,
      @ForAll("methods") String method,
      @ForAll("bodies") byte[] body)
      throws Exception {
    Map<String, String> headers = json();
    headers.putAll(hostile);
    String target = method.equals("POST") ? ARTICLES : ARTICLES + "/" + fixture;
    if (method.equals("DELETE") && !hostile.containsKey("If-Match")) {
      headers.put("If-Match", "\"0-0-0\"");
    }
    if (method.equals("DELETE") && hostile.get("If-Match") != null) {
      headers.put("If-Match", "\"stale\", " + hostile.get("If-Match").replace("*", ""));
    }
    byte[] sent = method.equals("GET") || method.equals("DELETE") ? null : body;
    assertRejectionChangesNothing(method, target, headers, sent);
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return HostileInput.articleBody();
  }

  @Provide
  Arbitrary<String> queries() {
    return HostileInput.listQuery();
  }

  @Provide
  Arbitrary<String> segments() {
    return HostileInput.pathSegment();
  }

  @Provide
  Arbitrary<Map<String, String>> headers() {
    return HostileInput.headers();
  }

  @Provide
  Arbitrary<String> methods() {
    return net.jqwik.api.Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE");
  }

  /**
   * Sends the request and checks the answer: no 5xx; a 4xx is a problem document naming its status,
   * without Java internals; and when the request was not accepted, nothing stored changed.
   */
  private static void assertRejectionChangesNothing(
      String method, String target, Map<String, String> headers, byte[] body) throws Exception {
    String before = snapshot();
    RawHttp.Answer answer = send(method, target, headers, body);
    String what = method + " " + abbreviate(target) + " " + headers + " -> " + answer.status();
    net.jqwik.api.statistics.Statistics.collect(answer.status());

    assertTrue(answer.status() < 500, what + ": " + answer.body());
    if (PROTOCOL_LIMITS.contains(answer.status())
        || (answer.status() == 400 && !validUri(target))) {
      // The HTTP layer answers these before any application code runs, without a body.
      assertEquals("", answer.body(), what);
    } else if (answer.status() >= 400) {
      assertTrue(
          answer.header("Content-Type").startsWith("application/problem+json"),
          what + " Content-Type " + answer.header("Content-Type") + ": " + answer.body());
      JsonNode problem = JSON.readTree(answer.body());
      assertEquals(answer.status(), problem.path("status").asInt(), what + ": " + answer.body());
      assertFalse(problem.path("title").asText().isEmpty(), what);
      assertFalse(answer.body().contains("Exception"), what + ": " + answer.body());
      assertFalse(answer.body().contains("\tat "), what + ": " + answer.body());
    }
    if (answer.status() >= 300 || method.equals("GET")) {
      assertEquals(before, snapshot(), what + ": a rejected request changed stored content");
    }
  }

  private static RawHttp.Answer send(
      String method, String target, Map<String, String> headers, byte[] body) throws Exception {
    return RawHttp.send(gazette.port, method, target, headers, body);
  }

  private static Map<String, String> json() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + TOKEN);
    headers.put("Content-Type", "application/json");
    headers.put("Accept", "application/json");
    return headers;
  }

  /** Every stored article (and comment, where that table exists) reduced to one checksum. */
  private static String snapshot() throws Exception {
    StringBuilder sums = new StringBuilder(checksum("article"));
    try (Statement statement = db.createStatement();
        ResultSet comments = statement.executeQuery("select to_regclass('comment') is not null")) {
      comments.next();
      if (comments.getBoolean(1)) {
        sums.append(' ').append(checksum("comment"));
      }
    }
    return sums.toString();
  }

  private static String checksum(String table) throws Exception {
    try (Statement statement = db.createStatement();
        ResultSet result =
            statement.executeQuery(
                "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t.id)),"
                    + " '') from "
                    + table
                    + " t")) {
      result.next();
      return result.getString(1);
    }
  }

  /** Quarkus' own criterion for a request target it passes on to the application. */
  private static boolean validUri(String target) {
    try {
      new java.net.URI(target);
      return true;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
