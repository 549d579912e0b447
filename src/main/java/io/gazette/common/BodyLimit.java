package io.gazette.common;

import io.gazette.config.GazetteConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers an announced oversized body with a 413 problem before any of it is read. (Vert.x enforces
 * the same limit on bodies without a Content-Length, but closes those with an empty 413.)
 */
@ApplicationScoped
public class BodyLimit {

  private static final String IMPORT_PATH = "/api/v1/import";

  private final long maxBytes;
  private final RouterProblems problems;
  private final Problem tooLarge;
  private final Problem lengthRequired;

  public BodyLimit(GazetteConfig config, RouterProblems problems) {
    this.maxBytes = config.maxBodySize();
    this.problems = problems;
    this.tooLarge =
        ProblemType.PAYLOAD_TOO_LARGE.problem(
            "The request body is larger than the server accepts (" + maxBytes + " bytes)");
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
              if (!streamed && length != null && tooLong(length)) {
                problems.send(context, tooLarge, true);
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

  private boolean tooLong(String contentLength) {
    try {
      return Long.parseLong(contentLength.trim()) > maxBytes;
    } catch (NumberFormatException e) {
      return false; // Vert.x rejects a malformed Content-Length itself
    }
  }
}
