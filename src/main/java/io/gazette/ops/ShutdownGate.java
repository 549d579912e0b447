package io.gazette.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gazette.common.Problem;
import io.gazette.common.ProblemType;
import io.gazette.common.RequestIds;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Graceful shutdown, first step: once Quarkus starts shutting down (SIGTERM), requests that arrive
 * are answered 503 with Retry-After and {@code Connection: close}, so that clients retry on another
 * instance, while requests already in progress finish (Quarkus waits for them for at most {@code
 * quarkus.shutdown.timeout}). Only then is the embedded database stopped. {@code /q/} endpoints
 * stay open: readiness itself reports DOWN during shutdown.
 */
@ApplicationScoped
public class ShutdownGate {

  private static final Logger LOG = Logger.getLogger(ShutdownGate.class);
  static final int RETRY_AFTER_SECONDS = 2;

  private final ObjectMapper mapper;
  private volatile boolean closing;

  public ShutdownGate(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  void onShutdownStarted(@Observes ShutdownDelayInitiatedEvent event) {
    closing = true;
    LOG.info("Shutting down: new requests get 503, requests in progress may finish");
  }

  void register(@Observes Router router) {
    router
        .route()
        .order(-1900) // after RequestIds, before everything else
        .handler(
            context -> {
              if (!closing || context.normalizedPath().startsWith("/q/")) {
                context.next();
                return;
              }
              context
                  .response()
                  .setStatusCode(503)
                  .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                  .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                  .putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                  .putHeader(HttpHeaders.CONNECTION, "close")
                  .end(body(context.get(RequestIds.MDC_KEY)));
            });
  }

  private String body(String requestId) {
    try {
      return mapper.writeValueAsString(
          ProblemType.UNAVAILABLE
              .problem("The server is shutting down; retry, another instance may answer")
              .withRequestId(requestId));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
