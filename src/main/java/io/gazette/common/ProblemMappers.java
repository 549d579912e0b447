package io.gazette.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.gazette.auth.TooManyAuthenticationFailures;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The only place where errors become responses: every one leaves as {@code
 * application/problem+json}, and none carries a Java class name or a stack trace.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  private final AllowedMethods allowedMethods;

  public ProblemMappers(AllowedMethods allowedMethods) {
    this.allowedMethods = allowedMethods;
  }

  @ServerExceptionMapper
  public Response apiException(ApiException e) {
    Response response = respond(e.problem());
    if (e.retryAfterSeconds() > 0) {
      return Response.fromResponse(response)
          .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
          .build();
    }
    return response;
  }

  @ServerExceptionMapper
  public Response unrecognizedField(UnrecognizedPropertyException e) {
    String field = JsonPaths.of(e);
    return respond(
        ApiException.invalid(List.of(new FieldError(field, "is not a known field"))).problem());
  }

  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e) {
    String field = JsonPaths.of(e);
    if (field.isEmpty()) {
      return respond(ProblemType.MALFORMED_JSON.problem("The request body must be a JSON object"));
    }
    String expected = JsonPaths.describe(e.getTargetType());
    return respond(
        ApiException.invalid(List.of(new FieldError(field, "must be " + expected))).problem());
  }

  @ServerExceptionMapper
  public Response invalidMapping(JsonMappingException e) {
    String field = JsonPaths.of(e);
    return respond(
        ApiException.invalid(
                List.of(new FieldError(field.isEmpty() ? "body" : field, "is invalid")))
            .problem());
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonParseException e) {
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    return respond(
        ProblemType.MALFORMED_JSON.problem(
            "The request body is not valid JSON" + where + ": " + JsonBodies.parserMessage(e)));
  }

  @ServerExceptionMapper
  public Response otherJson(JsonProcessingException e) {
    return respond(ProblemType.MALFORMED_JSON.problem("The request body is not valid JSON"));
  }

  @ServerExceptionMapper
  public Response uncheckedJson(JsonBodies.UncheckedJsonException e) {
    JsonProcessingException cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException unrecognized) {
      return unrecognizedField(unrecognized);
    }
    if (cause instanceof MismatchedInputException mismatched) {
      return mismatchedInput(mismatched);
    }
    if (cause instanceof JsonMappingException mapping) {
      return invalidMapping(mapping);
    }
    if (cause instanceof JsonParseException parse) {
      return malformedJson(parse);
    }
    return otherJson(cause);
  }

  /**
   * The request body ended before Quarkus REST had read it: the client closed the connection, or
   * sent less than its {@code Content-Length}. (JSON syntax errors, also {@code IOException}s, have
   * their own mappers above.)
   */
  @ServerExceptionMapper
  public Response unreadableBody(IOException e) {
    return apiException(ApiException.unreadableBody());
  }

  @ServerExceptionMapper
  public Response constraintViolations(ConstraintViolationException e) {
    return respond(
        ApiException.invalid(Validation.fieldErrors(e.getConstraintViolations())).problem());
  }

  @ServerExceptionMapper
  public Response tooManyAuthenticationFailures(TooManyAuthenticationFailures e) {
    return apiException(
        ApiException.tooManyRequests(
            "Too many failed authentications from your address; wait before trying again",
            e.retryAfterSeconds()));
  }

  @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
  public Response unauthenticated(RuntimeException e) {
    String detail =
        e instanceof AuthenticationFailedException
            ? "The bearer token is missing, malformed, unknown, expired or revoked"
            : "This operation needs an 'Authorization: Bearer <token>' header";
    return respond(ProblemType.UNAUTHORIZED.problem(detail));
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return respond(ProblemType.FORBIDDEN.problem("The token's role does not allow this operation"));
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, UriInfo uri, Request request) {
    Response original = e.getResponse();
    int status = original.getStatus();
    Optional<String> allow =
        status == 404 || status == 405
            ? allowedMethods.allow(uri.getRequestUri().getRawPath())
            : Optional.empty();
    if (status == 404
        && allow.isPresent()
        && !Arrays.asList(allow.get().split(", ")).contains(request.getMethod())) {
      // Quarkus REST answers some paths it serves with another method (PUT on an article's
      // comments) 404 instead of 405.
      status = 405;
    }
    ProblemType type = ProblemType.forStatus(status);
    String detail =
        switch (status) {
          case 404 -> "No resource at this path";
          case 405 ->
              allow.isPresent()
                  ? request.getMethod()
                      + " is not allowed on this resource; it answers "
                      + allow.get()
                  : request.getMethod() + " is not allowed on this resource";
          case 406 -> "This resource is only available as application/json";
          case 413 -> "The request body is larger than the server accepts";
          case 415 ->
              "Send the body as application/json (PATCH also accepts"
                  + " application/merge-patch+json; the import takes application/x-ndjson)";
          default -> type.title();
        };
    Response.ResponseBuilder builder =
        Response.fromResponse(respond(new Problem(type.uri(), type.title(), status, detail, null)));
    for (Map.Entry<String, List<Object>> header : original.getHeaders().entrySet()) {
      if (!header.getKey().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
        header.getValue().forEach(value -> builder.header(header.getKey(), value));
      }
    }
    if (status == 405 && allow.isPresent()) {
      builder.header(HttpHeaders.ALLOW, allow.get());
    }
    return builder.build();
  }

  @ServerExceptionMapper
  public Response databaseConstraint(org.hibernate.exception.ConstraintViolationException e) {
    String constraint = e.getConstraintName() == null ? "" : e.getConstraintName();
    String detail =
        constraint.contains("slug")
            ? "The slug is already in use"
            : "The change conflicts with the current content; reload and retry";
    return respond(ProblemType.CONFLICT.problem(detail));
  }

  /** Seconds a client should wait before retrying while the database is unavailable. */
  static final int DATABASE_RETRY_AFTER_SECONDS = 5;

  @ServerExceptionMapper
  public Response unexpected(Throwable e) {
    if (DatabaseFailures.isUnavailable(e)) {
      return databaseUnavailable(e);
    }
    if (DatabaseFailures.isLockTimeout(e)) {
      LOG.infof("A lock wait timed out, answering 503: %s", rootMessage(e));
      return apiException(
          ApiException.unavailable(
              "The server is busy with an import or another long write that this one must wait"
                  + " for; retry shortly",
              DATABASE_RETRY_AFTER_SECONDS));
    }
    if (DatabaseFailures.isOutOfIds(e)) {
      LOG.warnf("No ids left, answering 409: %s", rootMessage(e));
      return respond(
          ProblemType.CONFLICT.problem(
              "No ids are left for new content of this kind: an import took the largest id the"
                  + " server gives (9007199254740991)"));
    }
    if (DatabaseFailures.isBadInput(e)) {
      LOG.infof("Input the database refused, answering 400: %s", rootMessage(e));
      return respond(
          ProblemType.VALIDATION.problem(
              "The request contains a value that cannot be stored or searched for (such as a NUL"
                  + " character, invalid Unicode, or a number or time out of range)"));
    }
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
        return databaseConstraint(violation);
      }
      if (cause instanceof ApiException api) {
        return apiException(api);
      }
    }
    LOG.error("Unhandled error while serving a request", e);
    return respond(
        ProblemType.INTERNAL.problem(
            "The server could not complete the request; it has been logged"));
  }

  /**
   * The database is down, restarting or out of connections: not a bug, so one log line without a
   * stack trace, and a 503 that tells the client when to retry.
   */
  private Response databaseUnavailable(Throwable e) {
    LOG.warnf("Database unavailable, answering 503: %s", rootMessage(e));
    return Response.fromResponse(
            respond(
                ProblemType.UNAVAILABLE.problem(
                    "The database is not available at the moment; retry in a few seconds")))
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(DATABASE_RETRY_AFTER_SECONDS))
        .build();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    for (int depth = 0; root.getCause() != null && depth < 20; depth++) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  static Response respond(Problem problem) {
    String requestId = RequestIds.current();
    if (requestId != null) {
      problem = problem.withRequestId(requestId);
    }
    Response.ResponseBuilder response =
        Response.status(problem.status())
            .type(Problem.MEDIA_TYPE)
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .entity(problem);
    if (problem.status() == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"gazette\"");
    }
    return response.build();
  }
}
