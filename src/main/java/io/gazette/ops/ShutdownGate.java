package io.gazette.ops;

import io.gazette.common.Problem;
import io.gazette.common.ProblemType;
import io.gazette.common.RouterProblems;
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

  private static final Problem CLOSING =
      ProblemType.UNAVAILABLE.problem(
          "The server is shutting down; retry, another instance may answer");

  private final RouterProblems problems;
  private volatile boolean closing;

  public ShutdownGate(RouterProblems problems) {
    this.problems = problems;
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
                  .putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
              problems.send(context, CLOSING, true);
            });
  }
}
