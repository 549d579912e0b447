package io.gazette.common;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses HTTP/1.x requests whose framing or headers cannot be read one way only (RFC 9112 and RFC
 * 9110 section 5.3), before anything else reads them:
 *
 * <ul>
 *   <li>no {@code Host} in HTTP/1.1, or more than one (an HTTP/1.0 request without one is given the
 *       address it came in on, since the whole stack builds request URIs from it);
 *   <li>a {@code Transfer-Encoding} other than {@code chunked} alone: Vert.x would read such a body
 *       by its Content-Length, or not at all, and the bytes left over as the next request, while a
 *       proxy in front may have read them otherwise (request smuggling);
 *   <li>a field that holds one value given on several lines ({@code Authorization}, {@code
 *       Content-Type}, {@code If-Unmodified-Since}): which one counts would be a guess, and for
 *       credentials a dangerous one.
 * </ul>
 *
 * Each is 400 {@code bad-request}, and the connection is closed. Fields that are lists ({@code
 * If-Match}, {@code If-None-Match}) given on several lines are joined into one, as the RFC says
 * they mean, so that every reader sees all of their tags.
 */
@ApplicationScoped
public class RequestFraming {

  private static final String[] SINGLE = {"Authorization", "Content-Type", "If-Unmodified-Since"};
  private static final String[] LISTS = {"If-Match", "If-None-Match"};

  /** Exactly these, as sent: the rest of the stack builds URIs from the Host header. */
  private static final java.util.Set<String> HEALTH_PATHS =
      java.util.Set.of("/q/health", "/q/health/live", "/q/health/ready", "/q/health/started");

  private final RouterProblems problems;

  public RequestFraming(RouterProblems problems) {
    this.problems = problems;
  }

  void register(@Observes Router router) {
    // After RequestIds and WebSecurity, so that refusals carry the request id and security
    // headers; before everything that reads the request.
    router.route().order(-1940).handler(this::check);
    // Vert.x refuses an HTTP/1.1 request without Host itself, before any handler runs, and the
    // default answer to that failure is not a problem document.
    router.route().order(-2000).failureHandler(this::missingHost);
  }

  private void missingHost(RoutingContext context) {
    if (context.statusCode() != 400
        || context.request().host() != null
        || context.response().headWritten()) {
      context.next();
      return;
    }
    String id = RequestIds.fresh();
    context.put(RequestIds.MDC_KEY, id);
    context.response().putHeader(RequestIds.HEADER, id);
    problems.sendAndClose(context, ProblemType.BAD_REQUEST.problem("A Host header is required"));
  }

  private void check(RoutingContext context) {
    HttpServerRequest request = context.request();
    if (request.version() == HttpVersion.HTTP_2) {
      context.next();
      return;
    }
    int hosts = 0;
    int transferEncodings = 0;
    boolean chunked = true;
    int[] singles = new int[SINGLE.length];
    int[] lists = new int[LISTS.length];
    for (Map.Entry<String, String> header : request.headers()) {
      String name = header.getKey();
      if (name.equalsIgnoreCase("host")) {
        hosts++;
      } else if (name.equalsIgnoreCase("transfer-encoding")) {
        transferEncodings++;
        chunked &= header.getValue().strip().equalsIgnoreCase("chunked");
      } else {
        count(name, SINGLE, singles);
        count(name, LISTS, lists);
      }
    }
    if (hosts == 0
        && request.version() == HttpVersion.HTTP_1_0
        && HEALTH_PATHS.contains(request.path())) {
      hosts = 1; // HTTP/1.0 may leave Host out, as old health checkers do; health needs none
    }
    String refusal = null;
    if (hosts != 1) {
      refusal = hosts == 0 ? "A Host header is required" : "Send one Host header, not " + hosts;
    } else if (transferEncodings > 1 || !chunked) {
      refusal = "Transfer-Encoding must be chunked alone; send other bodies with a Content-Length";
    } else {
      for (int i = 0; i < SINGLE.length; i++) {
        if (singles[i] > 1) {
          refusal = "Send the " + SINGLE[i] + " header once, not " + singles[i] + " times";
          break;
        }
      }
    }
    if (refusal != null) {
      problems.sendAndClose(context, ProblemType.BAD_REQUEST.problem(refusal));
      return;
    }
    for (int i = 0; i < LISTS.length; i++) {
      if (lists[i] > 1) {
        List<String> lines = new ArrayList<>(request.headers().getAll(LISTS[i]));
        request.headers().set(LISTS[i], String.join(", ", lines));
      }
    }
    context.next();
  }

  private static void count(String name, String[] names, int[] counts) {
    for (int i = 0; i < names.length; i++) {
      if (name.equalsIgnoreCase(names[i])) {
        counts[i]++;
        return;
      }
    }
  }
}
