package io.gazette.process;

import io.gazette.support.SeededCases;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input at scale for every endpoint besides the article ones: comments (public and
 * moderation), tokens, the audit log, import and export. The same promise as for articles: never a
 * 5xx, a 4xx is a problem document, a rejected request changes nothing stored.
 */
@ExtendWith(HostileTarget.Shared.class)
class CommentAndAdminEndpointPropertiesIT {

  private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"};
  private static final String NDJSON = "application/x-ndjson";

  /** A token id that no generated request will reach: revoking it is a 404. */
  private static final long NO_TOKEN = 987_654_321L;

  private static HostileTarget gazette;
  private static long article;
  private static long approved;
  private static long pending;

  @BeforeAll
  static void createFixtures(HostileTarget target) throws Exception {
    gazette = target;
    article =
        gazette.create(
            "/api/v1/articles",
            "{\"title\": \"Comment property fixture\", \"status\": \"published\"}");
    approved = postComment("Approved fixture comment");
    gazette.expect(200, "PATCH", "/api/v1/comments/" + approved, "{\"status\": \"approved\"}");
    pending = postComment("Pending fixture comment");
  }

  private static long postComment(String body) throws Exception {
    return gazette.create(
        comments(article),
        "{\"authorName\": \"Fixture\", \"authorEmail\": \""
            + HostileTarget.HIDDEN_EMAIL
            + "\", \"body\": \""
            + body
            + "\"}");
  }

  @TestFactory
  Stream<DynamicTest> postingCommentsAnswersHostileBodiesWithoutServerErrors() {
    return SeededCases.of(
        "POST article comments",
        200,
        random -> {
          HostileInput hostile = new HostileInput(random);
          gazette.assertAnsweredSafely(
              "POST", comments(article), anonymously(hostile, 70), hostile.commentBody());
        });
  }

  @TestFactory
  Stream<DynamicTest> readingCommentsAnswersHostileQueryStringsWithoutServerErrors() {
    return SeededCases.of(
        "GET article comments?query",
        200,
        random -> {
          HostileInput hostile = new HostileInput(random);
          String query = hostile.query(HostileSamples.PAGE_PARAMETERS);
          gazette.assertAnsweredSafely(
              "GET", comments(article) + "?" + query, anonymously(hostile, 50), null);
        });
  }

  @TestFactory
  Stream<DynamicTest> moderationQueueAnswersHostileQueryStringsWithoutServerErrors() {
    return SeededCases.of(
        "GET comments?query",
        200,
        random -> {
          HostileInput hostile = new HostileInput(random);
          String query = hostile.query(HostileSamples.MODERATION_QUEUE_PARAMETERS);
          gazette.assertAnsweredSafely(
              "GET", "/api/v1/comments?" + query, anonymously(hostile, 10), null);
        });
  }

  @TestFactory
  Stream<DynamicTest> moderationAnswersHostilePatchesWithoutServerErrors() {
    return SeededCases.of(
        "PATCH comment",
        200,
        random -> {
          HostileInput hostile = new HostileInput(random);
          Map<String, String> headers = HostileTarget.admin();
          if (random.nextBoolean()) {
            headers.put("Content-Type", "application/merge-patch+json");
          }
          long comment = random.nextBoolean() ? approved : pending;
          gazette.assertAnsweredSafely(
              "PATCH", "/api/v1/comments/" + comment, headers, hostile.moderationBody());
        });
  }

  @TestFactory
  Stream<DynamicTest> hostileCommentPathSegmentsAreNeverServerErrors() {
    return SeededCases.of(
        "comment path segment",
        200,
        random -> {
          HostileInput hostile = new HostileInput(random);
          String segment = hostile.pathSegment();
          String method;
          Map<String, String> headers;
          String target;
          byte[] body = null;
          if (random.nextBoolean()) {
            method = hostile.pick("GET", "POST");
            target = comments(segment);
            headers = anonymously(hostile, 60);
            body = method.equals("POST") ? hostile.commentBody() : null;
          } else {
            method = hostile.pick("GET", "PATCH", "DELETE");
            target = "/api/v1/comments/" + segment;
            headers = anonymously(hostile, 10);
            body = method.equals("PATCH") ? hostile.moderationBody() : null;
            // A segment that happens to name a fixture must not delete it.
            HostileTarget.keepStale(headers);
          }
          gazette.assertAnsweredSafely(method, target, headers, body);
        });
  }

  @TestFactory
  Stream<DynamicTest> mintingTokensAnswersHostileBodiesWithoutServerErrors() {
    return SeededCases.of(
        "POST tokens",
        200,
        random ->
            gazette.assertAnsweredSafely(
                "POST",
                "/api/v1/tokens",
                HostileTarget.admin(),
                new HostileInput(random).tokenBody()));
  }

  @TestFactory
  Stream<DynamicTest> hostileTokenPathSegmentsAreNeverServerErrors() {
    return SeededCases.of(
        "token path segment",
        200,
        random -> {
          HostileInput hostile = new HostileInput(random);
          String segment = hostile.pathSegment();
          if (namesToken(segment, gazette.adminTokenId)) {
            // Revoking the run's own admin token would lock every later case out.
            segment = String.valueOf(NO_TOKEN);
          }
          String method = random.nextInt(4) == 0 ? hostile.pick(METHODS) : "DELETE";
          byte[] body =
              method.equals("GET") || method.equals("DELETE") ? null : hostile.tokenBody();
          gazette.assertAnsweredSafely(
              method, "/api/v1/tokens/" + segment, HostileTarget.admin(), body);
        });
  }

  @TestFactory
  Stream<DynamicTest> adminReadsAnswerHostileQueryStringsWithoutServerErrors() {
    return SeededCases.of(
        "GET audit, tokens or export?query",
        200,
        random -> {
          HostileInput hostile = new HostileInput(random);
          String path =
              hostile.pick("/api/v1/audit", "/api/v1/audit", "/api/v1/tokens", "/api/v1/export");
          String query = hostile.query(HostileSamples.PAGE_PARAMETERS);
          gazette.assertAnsweredSafely("GET", path + "?" + query, HostileTarget.admin(), null);
        });
  }

  @TestFactory
  Stream<DynamicTest> importAnswersHostileNdjsonWithoutServerErrors() {
    return SeededCases.of(
        "POST import",
        200,
        random -> {
          HostileInput hostile = new HostileInput(random);
          Map<String, String> headers = HostileTarget.admin();
          headers.put("Content-Type", NDJSON);
          gazette.assertAnsweredSafely(
              "POST",
              "/api/v1/import",
              headers,
              hostile.ndjson(random.nextBoolean() ? article : 37076));
        });
  }

  @TestFactory
  Stream<DynamicTest> hostileHeadersAndMethodsAreNeverServerErrors() {
    return SeededCases.of(
        "comment and admin headers",
        200,
        random -> {
          HostileInput hostile = new HostileInput(random);
          Endpoint endpoint = hostile.pick(endpoints());
          String method = random.nextInt(4) == 0 ? hostile.pick(METHODS) : endpoint.method();
          Map<String, String> headers = HostileTarget.admin();
          if (endpoint.path().equals("/api/v1/import")) {
            headers.put("Content-Type", NDJSON);
          }
          headers.putAll(hostile.headers());
          if (method.equals("DELETE")) {
            HostileTarget.keepStale(headers);
          }
          byte[] body =
              method.equals("GET") || method.equals("DELETE")
                  ? null
                  : endpoint.bodies().apply(hostile);
          gazette.assertAnsweredSafely(method, endpoint.path(), headers, body);
        });
  }

  /** One endpoint, with its method and a generator of bodies it might be sent. */
  private record Endpoint(String method, String path, Function<HostileInput, byte[]> bodies) {}

  private static List<Endpoint> endpoints() {
    Function<HostileInput, byte[]> anyJson = hostile -> HostileInput.utf8(hostile.jsonValue(2));
    return List.of(
        new Endpoint("GET", comments(article), HostileInput::commentBody),
        new Endpoint("POST", comments(article), HostileInput::commentBody),
        new Endpoint("GET", "/api/v1/comments", HostileInput::moderationBody),
        new Endpoint("GET", "/api/v1/comments/" + pending, HostileInput::moderationBody),
        new Endpoint("PATCH", "/api/v1/comments/" + pending, HostileInput::moderationBody),
        new Endpoint("DELETE", "/api/v1/comments/" + approved, HostileInput::moderationBody),
        new Endpoint("GET", "/api/v1/tokens", HostileInput::tokenBody),
        new Endpoint("POST", "/api/v1/tokens", HostileInput::tokenBody),
        new Endpoint("DELETE", "/api/v1/tokens/" + NO_TOKEN, HostileInput::tokenBody),
        new Endpoint("GET", "/api/v1/audit", anyJson),
        new Endpoint("POST", "/api/v1/import", hostile -> hostile.ndjson(article)),
        new Endpoint("GET", "/api/v1/export", anyJson));
  }

  /** Anonymous in {@code percent} of the cases, else with the admin token. */
  private static Map<String, String> anonymously(HostileInput hostile, int percent) {
    return hostile.chance(percent) ? HostileTarget.anonymous() : HostileTarget.admin();
  }

  private static String comments(Object article) {
    return "/api/v1/articles/" + article + "/comments";
  }

  /**
   * Whether the server could read {@code segment} as token {@code id}: percent-decoded, without
   * matrix parameters, signs or leading zeros. Errs on the side of yes.
   */
  static boolean namesToken(String segment, long id) {
    String decoded;
    try {
      decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      decoded = segment;
    }
    String digits = decoded.replaceAll("[^0-9]", "").replaceFirst("^0+", "");
    return digits.equals(String.valueOf(id));
  }
}
