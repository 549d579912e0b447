package io.gazette.common;

import java.util.List;

/**
 * A failure the client can act on. Thrown anywhere below the resources and turned into a problem
 * response by {@link ProblemMappers}; nothing else builds error responses.
 */
public class ApiException extends RuntimeException {

  private final ProblemType type;
  private final List<FieldError> errors;

  public ApiException(ProblemType type, String detail) {
    this(type, detail, null);
  }

  public ApiException(ProblemType type, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.type = type;
    this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
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
    return new ApiException(
        ProblemType.VALIDATION,
        errors.size() == 1
            ? "Field '" + errors.get(0).field() + "' " + errors.get(0).message()
            : errors.size() + " fields are invalid",
        errors);
  }

  public ProblemType type() {
    return type;
  }

  public Problem problem() {
    return new Problem(type.uri(), type.title(), type.status(), getMessage(), errors);
  }
}
