package io.gazette.common;

/** The kinds of problem Gazette reports, each with its status and a stable type URI. */
public enum ProblemType {
  VALIDATION(400, "validation-error", "Invalid request"),
  MALFORMED_JSON(400, "malformed-json", "Malformed JSON"),
  BAD_PARAMETER(400, "invalid-parameter", "Invalid query parameter"),
  BAD_REQUEST(400, "bad-request", "Malformed request"),
  UNAUTHORIZED(401, "unauthorized", "Authentication required"),
  FORBIDDEN(403, "forbidden", "Forbidden"),
  NOT_FOUND(404, "not-found", "Not found"),
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
  NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
  CONFLICT(409, "conflict", "Conflict"),
  LENGTH_REQUIRED(411, "length-required", "Length required"),
  PRECONDITION_FAILED(412, "precondition-failed", "Precondition failed"),
  PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
  TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
  INTERNAL(500, "internal-error", "Internal server error"),
  UNAVAILABLE(503, "service-unavailable", "Service unavailable");

  private static final String BASE = "https://gazette.dev/problems/";

  private final int status;
  private final String uri;
  private final String title;

  ProblemType(int status, String slug, String title) {
    this.status = status;
    this.uri = BASE + slug;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String uri() {
    return uri;
  }

  public String title() {
    return title;
  }

  public Problem problem(String detail) {
    return new Problem(uri, title, status, detail, null);
  }

  public static ProblemType forStatus(int status) {
    for (ProblemType type : values()) {
      if (type.status == status
          && type != MALFORMED_JSON
          && type != BAD_PARAMETER
          && type != BAD_REQUEST) {
        return type;
      }
    }
    return status >= 500 ? INTERNAL : VALIDATION;
  }
}
