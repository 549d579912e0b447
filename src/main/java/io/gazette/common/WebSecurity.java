package io.gazette.common;

import io.gazette.config.GazetteConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CORS and security headers for every response.
 *
 * <p>CORS follows the contract: public content is public, so GET and HEAD without a token are open
 * to every origin (without credentials) and carry {@code Access-Control-Allow-Origin: *} whether or
 * not the request names an origin, as a shared cache may serve them to any page; every other
 * method, and reads that send an Authorization header, only from the origins in {@code
 * GAZETTE_CORS_ORIGINS}. A cross-origin write from any other origin is refused with 403 before it
 * reaches a resource.
 */
@ApplicationScoped
public class WebSecurity {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");
  private static final Set<String> PUBLIC_REQUEST_HEADERS =
      Set.of(
          "accept",
          "accept-language",
          "content-language",
          "cache-control",
          "if-none-match",
          "if-match",
          "if-modified-since",
          "if-unmodified-since",
          "x-request-id");
  private static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
  private static final String ALLOWED_HEADERS =
      "Authorization, Content-Type, If-Match, If-None-Match, If-Unmodified-Since, X-Request-Id";
  private static final CharSequence ALLOW_ORIGIN =
      HttpHeaders.createOptimized("Access-Control-Allow-Origin");
  private static final CharSequence ANY_ORIGIN = HttpHeaders.createOptimized("*");
  private static final CharSequence EXPOSE_HEADERS =
      HttpHeaders.createOptimized("Access-Control-Expose-Headers");
  private static final CharSequence EXPOSED_HEADERS =
      HttpHeaders.createOptimized("ETag, Last-Modified, Location, Link, Retry-After, X-Request-Id");
  private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  private final Set<String> allowedOrigins;
  private final RouterProblems problems;
  private final Problem forbiddenOrigin;

  public WebSecurity(GazetteConfig config, RouterProblems problems) {
    this.problems = problems;
    this.allowedOrigins =
        config.corsOrigins().orElse(List.of()).stream()
            .map(origin -> origin.strip().replaceAll("/+$", "").toLowerCase(Locale.ROOT))
            .filter(origin -> !origin.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    this.forbiddenOrigin =
        ProblemType.FORBIDDEN.problem(
            "Cross-origin requests other than public reads are only accepted from the origins in"
                + " GAZETTE_CORS_ORIGINS");
  }

  void register(@Observes Router router) {
    router.route().order(-1950).handler(this::handle); // after RequestIds
  }

  private void handle(RoutingContext context) {
    HttpServerRequest request = context.request();
    HttpServerResponse response = context.response();
    String path = request.path();
    context.addHeadersEndHandler(ignored -> securityHeaders(response, path));
    String origin = request.getHeader("Origin");
    boolean crossOrigin = origin != null && !sameOrigin(request, origin);
    if (crossOrigin
        && request.method() == HttpMethod.OPTIONS
        && request.getHeader("Access-Control-Request-Method") != null) {
      preflight(request, response, origin, isTrusted(origin));
      return;
    }
    if (SAFE_METHODS.contains(request.method().name())
        && request.getHeader("Authorization") == null) {
      // Whether or not the request names an origin: a shared cache may keep this answer and give
      // it to a browser on any origin, so it must carry the same headers for every requester.
      response.putHeader(ALLOW_ORIGIN, ANY_ORIGIN);
      response.putHeader(EXPOSE_HEADERS, EXPOSED_HEADERS);
      context.next();
      return;
    }
    if (!crossOrigin) {
      context.next();
      return;
    }
    if (!isTrusted(origin)) {
      problems.send(context, forbiddenOrigin, false);
      return;
    }
    response.putHeader(ALLOW_ORIGIN, origin);
    response.putHeader("Vary", "Origin");
    response.putHeader(EXPOSE_HEADERS, EXPOSED_HEADERS);
    context.next();
  }

  private boolean isTrusted(String origin) {
    return allowedOrigins.contains(origin.toLowerCase(Locale.ROOT));
  }

  private void preflight(
      HttpServerRequest request, HttpServerResponse response, String origin, boolean trusted) {
    String method = request.getHeader("Access-Control-Request-Method").strip();
    String headers = request.getHeader("Access-Control-Request-Headers");
    boolean publicRead =
        SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT))
            && (headers == null
                || Arrays.stream(headers.split(","))
                    .map(header -> header.strip().toLowerCase(Locale.ROOT))
                    .filter(header -> !header.isEmpty())
                    .allMatch(PUBLIC_REQUEST_HEADERS::contains));
    response.setStatusCode(204).putHeader("Vary", "Origin");
    if (trusted) {
      response
          .putHeader("Access-Control-Allow-Origin", origin)
          .putHeader("Access-Control-Allow-Methods", ALLOWED_METHODS)
          .putHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS)
          .putHeader("Access-Control-Max-Age", "600");
    } else if (publicRead) {
      response
          .putHeader("Access-Control-Allow-Origin", "*")
          .putHeader("Access-Control-Allow-Methods", "GET, HEAD")
          .putHeader("Access-Control-Allow-Headers", String.join(", ", PUBLIC_REQUEST_HEADERS))
          .putHeader("Access-Control-Max-Age", "600");
    }
    response.end();
  }

  private static boolean sameOrigin(HttpServerRequest request, String origin) {
    String host = request.getHeader("Host");
    return host != null && origin.equalsIgnoreCase(request.scheme() + "://" + host);
  }

  private static void securityHeaders(HttpServerResponse response, String path) {
    response.putHeader("X-Content-Type-Options", "nosniff");
    response.putHeader("Referrer-Policy", "no-referrer");
    if (!path.startsWith("/q/swagger-ui")) {
      response.putHeader("Content-Security-Policy", API_POLICY);
    } else {
      // Swagger UI runs its own scripts and styles; another site may still not frame it.
      response.putHeader("Content-Security-Policy", "frame-ancestors 'none'");
    }
    response.putHeader("X-Frame-Options", "DENY");
    response.headers().remove("Server");
  }
}
