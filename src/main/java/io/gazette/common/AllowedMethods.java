package io.gazette.common;

import io.quarkus.arc.Arc;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods each API path answers, read once from the resources' JAX-RS annotations: the {@code
 * Allow} header of a 405 (RFC 9110 requires it) and the answer to {@code OPTIONS}, which Quarkus
 * REST would otherwise give from every method of the resource class, whatever its path.
 */
@Singleton
public class AllowedMethods {

  private record Route(Pattern path, Set<String> methods) {}

  private static final Pattern OPERATIONS =
      Pattern.compile(
          "/q/(openapi(\\.json|\\.yaml|\\.yml)?/?|metrics(/.*)?|health(/.*)?|swagger-ui(/.*)?)");

  private static final String OPERATIONS_ALLOW = "GET, HEAD, OPTIONS";

  private volatile List<Route> routes;

  private final RouterProblems problems;

  public AllowedMethods(RouterProblems problems) {
    this.problems = problems;
  }

  /** The {@code Allow} value for a request path, if an API resource serves it. */
  public Optional<String> allow(String path) {
    Set<String> methods = new TreeSet<>();
    for (Route route : routes()) {
      if (route.path().matcher(path).matches()) {
        methods.addAll(route.methods());
      }
    }
    if (methods.isEmpty()) {
      return Optional.empty();
    }
    if (methods.contains("GET")) {
      methods.add("HEAD");
    }
    methods.add("OPTIONS");
    return Optional.of(String.join(", ", methods));
  }

  void register(@Observes Router router) {
    // After the CORS handler (WebSecurity), which answers cross-origin preflights itself.
    router
        .route()
        .order(-1900)
        .method(io.vertx.core.http.HttpMethod.OPTIONS)
        .handler(this::options);
    router.routeWithRegex(OPERATIONS.pattern()).order(-1899).handler(this::operations);
  }

  /**
   * The operations endpoints (OpenAPI document, Swagger UI, health, metrics) are read-only, but
   * their Quarkus handlers answer every method as GET: the rest are 405 here, as on the API.
   */
  private void operations(RoutingContext context) {
    io.vertx.core.http.HttpMethod method = context.request().method();
    if (method == io.vertx.core.http.HttpMethod.GET
        || method == io.vertx.core.http.HttpMethod.HEAD) {
      if (context.request().path().startsWith("/q/openapi")) {
        // YAML or JSON by Accept: a cache must keep one of each.
        context.response().putHeader("Vary", "Accept");
      }
      context.next();
      return;
    }
    context.response().putHeader("Allow", OPERATIONS_ALLOW);
    if (method == io.vertx.core.http.HttpMethod.OPTIONS) {
      context.response().setStatusCode(204).end();
      return;
    }
    // The body, if any, is not read: the connection closes after the answer.
    problems.send(
        context,
        ProblemType.METHOD_NOT_ALLOWED.problem(
            method.name() + " is not allowed on this resource; it answers " + OPERATIONS_ALLOW),
        context.request().headers().contains("Transfer-Encoding")
            || !"0".equals(context.request().getHeader("Content-Length"))
                && context.request().headers().contains("Content-Length"));
  }

  private void options(RoutingContext context) {
    String path = context.request().path();
    if (!path.startsWith("/api/")) {
      context.next();
      return;
    }
    Optional<String> allow = allow(path);
    if (allow.isEmpty()) {
      // Quarkus REST would answer 200 with the methods of whatever resource is nearest.
      problems.send(context, ProblemType.NOT_FOUND.problem("No resource at this path"), false);
      return;
    }
    context.response().setStatusCode(204).putHeader("Allow", allow.get()).end();
  }

  private List<Route> routes() {
    List<Route> known = routes;
    if (known == null) {
      known = scan();
      routes = known;
    }
    return known;
  }

  private static List<Route> scan() {
    List<Route> found = new ArrayList<>();
    for (Bean<?> bean :
        Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
      Class<?> type = bean.getBeanClass();
      Path base = type.getAnnotation(Path.class);
      if (base == null) {
        continue;
      }
      for (Method method : type.getMethods()) {
        String verb = httpMethod(method);
        if (verb == null) {
          continue;
        }
        Path sub = method.getAnnotation(Path.class);
        String template = join(base.value(), sub == null ? "" : sub.value());
        found.add(new Route(pattern(template), Set.of(verb)));
      }
    }
    return List.copyOf(found);
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (verb != null) {
        return verb.value();
      }
    }
    return null;
  }

  private static String join(String base, String sub) {
    String path = "/" + base.replaceAll("^/+|/+$", "") + "/" + sub.replaceAll("^/+|/+$", "");
    return path.replaceAll("/+$", "").replaceAll("//+", "/");
  }

  /** {@code /articles/{idOrSlug}} matches one segment in place of each parameter. */
  private static Pattern pattern(String template) {
    String[] parts = template.split("\\{[^}]*}", -1);
    StringBuilder regex = new StringBuilder(Pattern.quote(parts[0]));
    for (int i = 1; i < parts.length; i++) {
      regex.append("[^/]+").append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex + "/?");
  }
}
