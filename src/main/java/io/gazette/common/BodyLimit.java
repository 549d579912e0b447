package io.gazette.common;

import io.gazette.config.GazetteConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers an announced oversized body with a 413 problem before any of it is read. (Vert.x enforces
 * the same limit on bodies without a Content-Length, but closes those with an empty 413.)
 *
 * <p>A request without a token can only post a comment, so its body is held to {@link
 * #ANONYMOUS_MAX_BYTES}: reading and parsing a body takes several times its size in memory, and the
 * full limit would let anyone make the server hold gigabytes with a few hundred connections.
 */
@ApplicationScoped
public class BodyLimit {

  private static final String IMPORT_PATH = "/api/v1/import";

  /**
   * The largest body accepted without a token. The largest valid comment is about 65,000 bytes even
   * with every character escaped as {@code \\uXXXX} (10,000 characters of body, 100 of name, 500 of
   * URL and an address, 6 bytes each); this leaves room for whitespace.
   */
  static final long ANONYMOUS_MAX_BYTES = 128 * 1024;

  private final long maxBytes;
  private final long anonymousMaxBytes;
  private final RouterProblems problems;
  private final Problem tooLarge;
  private final Problem tooLargeWithoutToken;
  private final Problem lengthRequired;

  public BodyLimit(GazetteConfig config, RouterProblems problems) {
    this.maxBytes = config.maxBodySize();
    this.anonymousMaxBytes = Math.min(maxBytes, ANONYMOUS_MAX_BYTES);
    this.problems = problems;
    this.tooLarge =
        ProblemType.PAYLOAD_TOO_LARGE.problem(
            "The request body is larger than the server accepts (" + maxBytes + " bytes)");
    this.tooLargeWithoutToken =
        ProblemType.PAYLOAD_TOO_LARGE.problem(
            "The request body is larger than the server accepts without a token ("
                + anonymousMaxBytes
                + " bytes)");
    this.lengthRequired =
        new Problem(
            ProblemType.LENGTH_REQUIRED.uri(),
            ProblemType.LENGTH_REQUIRED.title(),
            411,
            "Send the body with a Content-Length (chunked bodies are accepted by the import only)",
            null);
  }

  void register(@Observes Router router) {
    router
        .route()
        .order(-1000)
        .handler(
            context -> {
              String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
              // The import streams its body and enforces its own, larger limit.
              boolean streamed = context.request().path().startsWith(IMPORT_PATH);
              boolean anonymous = context.request().getHeader(HttpHeaders.AUTHORIZATION) == null;
              if (!streamed
                  && length != null
                  && tooLong(length, anonymous ? anonymousMaxBytes : maxBytes)) {
                problems.send(context, anonymous ? tooLargeWithoutToken : tooLarge, true);
                return;
              }
              if (!streamed
                  && length == null
                  && context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
                problems.send(context, lengthRequired, true);
                return;
              }
              context.next();
            });
  }

  private static boolean tooLong(String contentLength, long limit) {
    try {
      return Long.parseLong(contentLength.trim()) > limit;
    } catch (NumberFormatException e) {
      return false; // Vert.x rejects a malformed Content-Length itself
    }
  }
}
