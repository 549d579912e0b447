package io.gazette.common;

import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is sane (at most 128
 * characters of {@code [A-Za-z0-9._-]}, so it cannot forge log lines or headers), else a new one.
 * Every response carries it, problem bodies name it, and the request's log lines carry it as the
 * MDC key {@code requestId} (Quarkus keeps the MDC per request on the Vert.x context, so it follows
 * the request onto worker threads).
 */
@ApplicationScoped
public class RequestIds {

  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  void register(@Observes Router router) {
    router
        .route()
        .order(-2000) // before every other handler, so that even their early answers carry it
        .handler(
            context -> {
              String id = accept(context.request().getHeader(HEADER));
              context.put(MDC_KEY, id);
              ContextLocals.put(MDC_KEY, id);
              MDC.put(MDC_KEY, id);
              context.response().putHeader(HEADER, id);
              context.next();
            });
  }

  /** The client's id when it is sane, else a fresh one. */
  static String accept(String offered) {
    return offered != null && SANE.matcher(offered).matches() ? offered : fresh();
  }

  /**
   * A random version-4 UUID from a fast generator: a request id must be unique, not unguessable,
   * and {@link UUID#randomUUID()}'s SecureRandom costs several percent of a cheap request.
   */
  static String fresh() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /** The id of the request being served on this thread, or null outside a request. */
  public static String current() {
    if (Vertx.currentContext() == null) {
      return null;
    }
    return ContextLocals.<String>get(MDC_KEY).orElse(null);
  }
}
