package io.gazette.common;

import io.gazette.config.GazetteConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Answers an announced oversized body with a 413 problem before any of it is read. (Vert.x enforces
 * the same limit on bodies without a Content-Length, but closes those with an empty 413.)
 *
 * <p>A request without a token can only post a comment, so its body is held to {@link
 * #ANONYMOUS_MAX_BYTES}: reading and parsing a body takes several times its size in memory, and the
 * full limit would let anyone make the server hold gigabytes with a few hundred connections.
 *
 * <p>Bodies being received and handled at the same time are bounded too ({@link BodiesInFlight}):
 * one that would pass the bound is answered 503 with Retry-After before it is read, so that a burst
 * of large bodies slows writers down instead of exhausting the heap.
 */
@ApplicationScoped
public class BodyLimit {

  private static final String IMPORT_PATH = "/api/v1/import";

  /**
   * The largest body accepted without a token. Limits count code points, so the largest valid
   * comment takes about 130,250 bytes with every character escaped: 10,000 characters of body, 100
   * of name, 500 of URL and 254 of address, each an emoji escaped as a surrogate pair ({@code
   * \\uXXXX\\uXXXX}, 12 bytes). That leaves some room for whitespace.
   */
  static final long ANONYMOUS_MAX_BYTES = 128 * 1024;

  private static final int BUSY_RETRY_AFTER_SECONDS = 1;

  private final long maxBytes;
  private final long anonymousMaxBytes;
  private final RouterProblems problems;
  private final Problem tooLarge;
  private final Problem tooLargeWithoutToken;
  private final Problem lengthRequired;
  private final Problem encoded =
      ProblemType.UNSUPPORTED_MEDIA_TYPE.problem(
          "Send the request body without Content-Encoding: compressed bodies are not accepted");
  private final Problem busy;
  private final BodiesInFlight inFlight;

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
    this.inFlight =
        new BodiesInFlight(
            config.maxBodyBytesInFlight().orElse(Runtime.getRuntime().maxMemory() / 16));
    this.busy =
        ProblemType.UNAVAILABLE.problem(
            "The server is handling as many request bodies as it has memory for ("
                + inFlight.limit()
                + " bytes at once); retry shortly");
  }

  void register(@Observes Router router) {
    router
        .route()
        .order(-1000)
        .handler(
            context -> {
              if (!identityOnly(context.request().headers().getAll(HttpHeaders.CONTENT_ENCODING))) {
                // Read as it is, a compressed body would be refused as malformed, or worse, taken
                // for text; inflated, its size would escape every limit here.
                problems.send(context, encoded, true);
                return;
              }
              String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
              // The import streams its body and enforces its own, larger limit.
              if (context.request().path().startsWith(IMPORT_PATH)) {
                context.next();
                return;
              }
              boolean anonymous = context.request().getHeader(HttpHeaders.AUTHORIZATION) == null;
              if (length == null) {
                if (context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
                  problems.send(context, lengthRequired, true);
                  return;
                }
                context.next();
                return;
              }
              long bytes = declared(length);
              if (bytes > (anonymous ? anonymousMaxBytes : maxBytes)) {
                problems.send(context, anonymous ? tooLargeWithoutToken : tooLarge, true);
                return;
              }
              if (bytes > 0) {
                if (!inFlight.reserve(bytes, anonymous)) {
                  context
                      .response()
                      .putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(BUSY_RETRY_AFTER_SECONDS));
                  problems.send(context, busy, true);
                  return;
                }
                // Called once the response has ended, or the connection closed before it did.
                context.addEndHandler(done -> inFlight.release(bytes, anonymous));
              }
              context.next();
            });
  }

  /** Whether every coding named in these {@code Content-Encoding} lines is {@code identity}. */
  private static boolean identityOnly(List<String> lines) {
    for (String line : lines) {
      for (String coding : line.split(",")) {
        if (!coding.isBlank() && !coding.strip().equalsIgnoreCase("identity")) {
          return false;
        }
      }
    }
    return true;
  }

  private static long declared(String contentLength) {
    try {
      return Long.parseLong(contentLength.trim());
    } catch (NumberFormatException e) {
      return 0; // Vert.x rejects a malformed Content-Length itself
    }
  }
}
