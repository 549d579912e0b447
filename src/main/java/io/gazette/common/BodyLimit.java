package io.gazette.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers an announced oversized body with a 413 problem before any of it is read. (Vert.x enforces
 * the same limit on bodies without a Content-Length, but closes those with an empty 413.)
 */
@ApplicationScoped
public class BodyLimit {

  private final long maxBytes;
  private final Problem problem;
  private final ObjectMapper mapper;

  public BodyLimit(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
      ObjectMapper mapper) {
    this.maxBytes = maxBodySize.asLongValue();
    this.mapper = mapper;
    this.problem =
        ProblemType.PAYLOAD_TOO_LARGE.problem(
            "The request body is larger than the server accepts (" + maxBytes + " bytes)");
  }

  void register(@Observes Router router) {
    router
        .route()
        .order(-1000)
        .handler(
            context -> {
              String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
              if (length != null && tooLong(length)) {
                context
                    .response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(body(context.get(RequestIds.MDC_KEY)));
                return;
              }
              context.next();
            });
  }

  private String body(String requestId) {
    try {
      return mapper.writeValueAsString(problem.withRequestId(requestId));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean tooLong(String contentLength) {
    try {
      return Long.parseLong(contentLength.trim()) > maxBytes;
    } catch (NumberFormatException e) {
      return false; // Vert.x rejects a malformed Content-Length itself
    }
  }
}
