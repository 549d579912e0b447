package io.gazette.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ends a request with a problem before it reaches a resource, for the guards that run on the Vert.x
 * router (body limit, CORS, shutdown). Resources answer through {@link ProblemMappers} instead.
 */
@ApplicationScoped
public class RouterProblems {

  private final ObjectMapper mapper;

  public RouterProblems(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Sends {@code problem} and closes the connection once it is written, without reading the rest of
   * the request: for requests whose framing cannot be trusted, whose remaining bytes must never be
   * read as another request. (A client still sending a body may see the connection reset before it
   * reads the answer.)
   */
  public void sendAndClose(RoutingContext context, Problem problem) {
    HttpServerRequest request = context.request();
    context
        .response()
        .endHandler(
            ended -> {
              if (request.version() != HttpVersion.HTTP_2) {
                request.connection().close();
              }
            });
    send(context, problem, true);
  }

  /**
   * Sends {@code problem}, named with the request's id. With {@code close} the connection is closed
   * afterwards, for answers given before a request body was read.
   */
  public void send(RoutingContext context, Problem problem, boolean close) {
    String body;
    try {
      body = mapper.writeValueAsString(problem.withRequestId(context.get(RequestIds.MDC_KEY)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A problem document could not be written", e);
    }
    var response =
        context
            .response()
            .setStatusCode(problem.status())
            .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
            .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    if (close) {
      response.putHeader(HttpHeaders.CONNECTION, "close");
    }
    response.end(body);
  }
}
