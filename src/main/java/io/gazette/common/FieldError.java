package io.gazette.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One rejected input field, named as the client wrote it ({@code title}, {@code tags[2]}); for
 * NDJSON imports also the 1-based line it is on.
 */
public record FieldError(
    String field, String message, @JsonInclude(JsonInclude.Include.NON_NULL) Long line) {

  public FieldError(String field, String message) {
    this(field, message, null);
  }

  public FieldError atLine(long lineNumber) {
    return new FieldError(field, message, lineNumber);
  }
}
