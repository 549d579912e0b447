package io.gazette.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document, the body of every error response. {@code requestId} is an extension
 * member: the request's {@code X-Request-Id}, so that a client's report can be matched to the
 * server's log lines.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    List<FieldError> errors,
    String requestId) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    this(type, title, status, detail, errors, null);
  }

  public Problem withRequestId(String id) {
    return new Problem(type, title, status, detail, errors, id);
  }
}
