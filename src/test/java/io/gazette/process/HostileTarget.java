package io.gazette.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gazette.database.EmbeddedDatabase;
import io.gazette.support.RawHttp;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The packaged application on its own embedded PostgreSQL, started once for every hostile-input
 * test class of the run (see {@link Shared}), with the one check they all make: whatever arrives,
 * the answer is never a 5xx, a 4xx is always a problem document, and a rejected request changes
 * nothing stored.
 */
final class HostileTarget implements AutoCloseable {

  static final String TOKEN = "gz_property-test-admin-token-0123456789";

  /** An address that fixture comments carry and that no anonymous answer may ever show. */
  static final String HIDDEN_EMAIL = "hidden-fixture-poster@example.org";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Request lines over 16 KiB (414) and header blocks over 20 KiB (431) are refused by the HTTP
   * codec, and request targets that are not RFC 3986 URIs (a stray '%', "%zz") by Quarkus' HTTP
   * layer, all before routing and with an empty body: the exceptions to "every 4xx is a problem".
   */
  private static final Set<Integer> PROTOCOL_LIMITS = Set.of(414, 431);

  /** The fingerprinted content: what a rejected request must leave alone. */
  private static final String[] FINGERPRINTS = {
    "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t.id)), '')"
        + " from article t",
    "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t.id)), '')"
        + " from comment t",
    // last_used_at moves on every authenticated request, accepted or not: it is not content.
    "select count(*) || ':' || coalesce(md5(string_agg((t.id, t.name, t.role, t.token_hash,"
        + " t.bootstrap, t.created_at, t.expires_at, t.revoked_at)::text, '|' order by t.id)), '')"
        + " from api_token t"
  };

  private final EmbeddedDatabase database;
  private final GazetteProcess gazette;
  private final Connection db;
  final long adminTokenId;

  private HostileTarget(EmbeddedDatabase database, GazetteProcess gazette, Connection db)
      throws Exception {
    this.database = database;
    this.gazette = gazette;
    this.db = db;
    try (Statement statement = db.createStatement();
        ResultSet admin = statement.executeQuery("select id from api_token where bootstrap")) {
      admin.next();
      this.adminTokenId = admin.getLong(1);
    }
  }

  static HostileTarget start() throws Exception {
    Path root = Files.createDirectories(Path.of("target", "properties-it"));
    EmbeddedDatabase database = EmbeddedDatabase.start(Files.createTempDirectory(root, "db-"), 0);
    GazetteProcess gazette =
        GazetteProcess.start(
                Files.createTempDirectory(root, "data-"),
                Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL",
                    database.datasourceProperties().get("quarkus.datasource.jdbc.url"),
                    "QUARKUS_DATASOURCE_USERNAME",
                    EmbeddedDatabase.USER,
                    "GAZETTE_ADMIN_TOKEN",
                    TOKEN,
                    // Thousands of posts and failed authentications come from one address here.
                    "GAZETTE_RATE_LIMIT_COMMENTS_PER_MINUTE",
                    "0",
                    "GAZETTE_RATE_LIMIT_AUTH_FAILURES_PER_MINUTE",
                    "0"))
            .awaitReady();
    return new HostileTarget(database, gazette, DriverManager.getConnection(database.jdbcUrl()));
  }

  /** Admin token, JSON in and out. */
  static Map<String, String> admin() {
    Map<String, String> headers = anonymous();
    headers.put("Authorization", "Bearer " + TOKEN);
    return headers;
  }

  /** JSON in and out, no token. */
  static Map<String, String> anonymous() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Accept", "application/json");
    return headers;
  }

  /**
   * Makes any If-Match in {@code headers} stale (and adds one when there is none), so that a
   * generated DELETE aimed at a fixture is refused with 412 instead of removing it.
   */
  static void keepStale(Map<String, String> headers) {
    String given = headers.get("If-Match");
    headers.put("If-Match", given == null ? "\"0-0-0\"" : "\"stale\", " + given.replace("*", ""));
  }

  RawHttp.Answer send(String method, String target, Map<String, String> headers, byte[] body)
      throws Exception {
    try {
      return RawHttp.send(gazette.port, method, target, headers, body);
    } catch (java.io.IOException e) {
      throw new AssertionError(
          method + " " + abbreviate(target) + " " + headers + " got no answer: " + e + logTail(),
          e);
    }
  }

  /** Creates a resource as the admin and returns its id. */
  long create(String path, String json) throws Exception {
    RawHttp.Answer created = send("POST", path, admin(), json.getBytes(StandardCharsets.UTF_8));
    assertEquals(201, created.status(), created.body());
    return JSON.readTree(created.body()).path("id").asLong();
  }

  /** Sends an admin request that must succeed with {@code status}. */
  RawHttp.Answer expect(int status, String method, String path, String json) throws Exception {
    Map<String, String> headers = admin();
    RawHttp.Answer answer =
        send(method, path, headers, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    assertEquals(status, answer.status(), method + " " + path + ": " + answer.body());
    return answer;
  }

  /**
   * Sends the request and checks the answer: no 5xx; a 4xx is a problem document naming its status,
   * without Java internals (a 401 also names the Bearer scheme); no answer shows a secret, nor an
   * anonymous one a poster's email; when the request was not accepted, nothing stored changed; and
   * when the audit log recorded it, it recorded the status the client got.
   */
  RawHttp.Answer assertAnsweredSafely(
      String method, String target, Map<String, String> headers, byte[] body) throws Exception {
    String before = fingerprint();
    long audited = newestAuditId();
    RawHttp.Answer answer = send(method, target, headers, body);
    String what =
        method
            + " "
            + abbreviate(target)
            + " "
            + headers
            + (body == null ? "" : " " + abbreviate(new String(body, StandardCharsets.UTF_8)))
            + " -> "
            + answer.status();
    String shown = what + ": " + abbreviate(answer.body());

    assertTrue(answer.status() < 500, shown + logTail());
    if (PROTOCOL_LIMITS.contains(answer.status())
        || (answer.status() == 400 && !validUri(target))) {
      // The HTTP layer answers these before any application code runs, without a body.
      assertEquals("", answer.body(), what);
    } else if (answer.status() >= 400) {
      assertTrue(
          answer.header("Content-Type").startsWith("application/problem+json"),
          what + " Content-Type " + answer.header("Content-Type") + ": " + answer.body());
      JsonNode problem = JSON.readTree(answer.body());
      assertEquals(answer.status(), problem.path("status").asInt(), shown);
      assertFalse(problem.path("title").asText().isEmpty(), shown);
      assertFalse(answer.body().contains("Exception"), shown);
      assertFalse(answer.body().contains("\tat "), shown);
      if (answer.status() == 401) {
        assertTrue(answer.header("WWW-Authenticate").startsWith("Bearer"), shown);
      }
    }
    assertFalse(answer.body().contains(TOKEN), shown);
    if (!headers.containsKey("Authorization")) {
      assertFalse(answer.body().contains(HIDDEN_EMAIL), shown);
    }
    if (answer.status() >= 300 || method.equals("GET")) {
      assertEquals(before, fingerprint(), what + ": a rejected request changed stored content");
    }
    for (int recorded : auditStatusesAfter(audited)) {
      assertEquals(answer.status(), recorded, what + ": the audit log recorded another status");
    }
    return answer;
  }

  private long newestAuditId() throws Exception {
    try (Statement statement = db.createStatement();
        ResultSet newest = statement.executeQuery("select coalesce(max(id), 0) from audit_log")) {
      newest.next();
      return newest.getLong(1);
    }
  }

  /** The statuses of the writes recorded after audit entry {@code id}. */
  private List<Integer> auditStatusesAfter(long id) throws Exception {
    List<Integer> statuses = new ArrayList<>();
    try (Statement statement = db.createStatement();
        ResultSet recorded =
            statement.executeQuery("select status from audit_log where id > " + id)) {
      while (recorded.next()) {
        statuses.add(recorded.getInt(1));
      }
    }
    return statuses;
  }

  /** Stored articles, comments and tokens, each table reduced to a count and a checksum. */
  String fingerprint() throws Exception {
    StringBuilder sums = new StringBuilder();
    try (Statement statement = db.createStatement()) {
      for (String query : FINGERPRINTS) {
        try (ResultSet result = statement.executeQuery(query)) {
          result.next();
          sums.append(result.getString(1)).append(' ');
        }
      }
    }
    return sums.toString();
  }

  /** Quarkus' own criterion for a request target it passes on to the application. */
  private static boolean validUri(String target) {
    try {
      new URI(target);
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private String logTail() {
    try {
      String log = gazette.log();
      return "\nGazette log (end):\n" + log.substring(Math.max(0, log.length() - 6000));
    } catch (Exception e) {
      return "";
    }
  }

  static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  @Override
  public void close() throws Exception {
    db.close();
    gazette.close();
    database.close();
  }

  /**
   * Hands every test class of the run the same started target and stops it when the run ends, so
   * that the start (embedded PostgreSQL, then the application) is paid once.
   */
  static final class Shared implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == HostileTarget.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context
          .getRoot()
          .getStore(ExtensionContext.Namespace.create(HostileTarget.class))
          .computeIfAbsent(HostileTarget.class, key -> startOrFail(), HostileTarget.class);
    }

    /** The root store closes it (an AutoCloseable) when the run ends. */
    private static HostileTarget startOrFail() {
      try {
        return start();
      } catch (Exception e) {
        throw new IllegalStateException("The hostile-input target did not start", e);
      }
    }
  }
}
