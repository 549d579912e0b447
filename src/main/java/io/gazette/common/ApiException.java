package io.gazette.common;

import java.util.List;

/**
 * A failure the client can act on. Thrown anywhere below the resources and turned into a problem
 * response by {@link ProblemMappers}; nothing else builds error responses.
 */
public class ApiException extends RuntimeException {

  private final ProblemType type;
  private final List<FieldError> errors;
  private final long retryAfterSeconds;

  public ApiException(ProblemType type, String detail) {
    this(type, detail, null);
  }

  public ApiException(ProblemType type, String detail, List<FieldError> errors) {
    this(type, detail, errors, 0);
  }

  private ApiException(
      ProblemType type, String detail, List<FieldError> errors, long retryAfterSeconds) {
    super(detail, null, false, false);
    this.type = type;
    this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** 429 with the number of seconds after which the client may try again. */
  public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
    return new ApiException(
        ProblemType.TOO_MANY_REQUESTS, detail, null, Math.max(1, retryAfterSeconds));
  }

  /** 503: the server cannot take this request now; the client may retry after the delay. */
  public static ApiException unavailable(String detail, long retryAfterSeconds) {
    return new ApiException(ProblemType.UNAVAILABLE, detail, null, Math.max(1, retryAfterSeconds));
  }

  /** Seconds for a Retry-After header, or 0 for none. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /**
   * 400 for a request body that could not be read to its end: the client closed the connection or
   * sent fewer bytes than it announced. Usually nobody is left to read the answer, but this is the
   * client's doing and must not be reported as a server error.
   */
  public static ApiException unreadableBody() {
    return new ApiException(
        ProblemType.MALFORMED_JSON,
        "The request body could not be read to its end: the connection closed or the body was"
            + " shorter than its Content-Length");
  }

  public static ApiException notFound(String detail) {
    return new ApiException(ProblemType.NOT_FOUND, detail);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(ProblemType.CONFLICT, detail);
  }

  public static ApiException badParameter(String parameter, String message) {
    return new ApiException(
        ProblemType.BAD_PARAMETER,
        "Query parameter '" + parameter + "' " + message,
        List.of(new FieldError(parameter, message)));
  }

  public static ApiException invalid(List<FieldError> errors) {
    String detail =
        errors.size() == 1
            ? "Field '" + errors.get(0).field() + "' " + errors.get(0).message()
            : errors.size() + " fields are invalid";
    if (errors.size() > MAX_ERRORS) {
      // 200,000 bad tags would otherwise be answered with 200,000 errors.
      detail += "; the first " + MAX_ERRORS + " are listed";
      errors = List.copyOf(errors.subList(0, MAX_ERRORS));
    }
    return new ApiException(ProblemType.VALIDATION, detail, errors);
  }

  /** The most field errors one problem lists. */
  public static final int MAX_ERRORS = 100;

  /** The rejected fields, empty when the problem is not about fields. */
  public List<FieldError> errors() {
    return errors == null ? List.of() : errors;
  }

  public ProblemType type() {
    return type;
  }

  public Problem problem() {
    return new Problem(type.uri(), type.title(), type.status(), getMessage(), errors);
  }
}
