package io.gazette.process;

import io.gazette.support.SeededCases;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input at scale against the packaged application: generated bodies, query strings, path
 * segments and headers for every article endpoint. Whatever arrives, the answer is never a 5xx, a
 * 4xx is always a problem document, and a rejected request changes nothing stored.
 */
@ExtendWith(HostileTarget.Shared.class)
class ArticleEndpointPropertiesIT {

  private static final String ARTICLES = "/api/v1/articles";
  private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"};

  private static HostileTarget gazette;
  private static long fixture;

  @BeforeAll
  static void createFixture(HostileTarget target) throws Exception {
    gazette = target;
    fixture =
        gazette.create(ARTICLES, "{\"title\": \"Property fixture\", \"status\": \"published\"}");
  }

  @TestFactory
  Stream<DynamicTest> createAnswersHostileBodiesWithoutServerErrors() {
    return SeededCases.of(
        "POST articles",
        200,
        random ->
            gazette.assertAnsweredSafely(
                "POST", ARTICLES, HostileTarget.admin(), new HostileInput(random).articleBody()));
  }

  @TestFactory
  Stream<DynamicTest> replaceAndPatchAnswerHostileBodiesWithoutServerErrors() {
    return SeededCases.of(
        "PUT or PATCH article",
        200,
        random -> {
          HostileInput hostile = new HostileInput(random);
          boolean patch = random.nextBoolean();
          Map<String, String> headers = HostileTarget.admin();
          if (patch && random.nextBoolean()) {
            headers.put("Content-Type", "application/merge-patch+json");
          }
          gazette.assertAnsweredSafely(
              patch ? "PATCH" : "PUT", ARTICLES + "/" + fixture, headers, hostile.articleBody());
        });
  }

  @TestFactory
  Stream<DynamicTest> listAnswersHostileQueryStringsWithoutServerErrors() {
    return SeededCases.of(
        "GET articles?query",
        200,
        random -> {
          HostileInput hostile = new HostileInput(random);
          Map<String, String> headers =
              random.nextBoolean() ? HostileTarget.admin() : HostileTarget.anonymous();
          gazette.assertAnsweredSafely(
              "GET",
              ARTICLES + "?" + hostile.query(HostileSamples.ARTICLE_LIST_PARAMETERS),
              headers,
              null);
        });
  }

  @TestFactory
  Stream<DynamicTest> hostilePathSegmentsAreNeverServerErrors() {
    return SeededCases.of(
        "article path segment",
        200,
        random -> {
          HostileInput hostile = new HostileInput(random);
          String method = hostile.pick(METHODS);
          Map<String, String> headers = HostileTarget.admin();
          // A stale If-Match keeps a segment that happens to name a real article from deleting it.
          headers.put("If-Match", "\"0-0-0\"");
          byte[] body = bodyFor(method, hostile);
          gazette.assertAnsweredSafely(
              method, ARTICLES + "/" + hostile.pathSegment(), headers, body);
        });
  }

  @TestFactory
  Stream<DynamicTest> hostileHeadersAreNeverServerErrors() {
    return SeededCases.of(
        "article headers",
        200,
        random -> {
          HostileInput hostile = new HostileInput(random);
          String method = hostile.pick(METHODS);
          Map<String, String> headers = HostileTarget.admin();
          headers.putAll(hostile.headers());
          String target = method.equals("POST") ? ARTICLES : ARTICLES + "/" + fixture;
          if (method.equals("DELETE")) {
            HostileTarget.keepStale(headers);
          }
          gazette.assertAnsweredSafely(method, target, headers, bodyFor(method, hostile));
        });
  }

  private static byte[] bodyFor(String method, HostileInput hostile) {
    return method.equals("GET") || method.equals("DELETE") ? null : hostile.articleBody();
  }
}
