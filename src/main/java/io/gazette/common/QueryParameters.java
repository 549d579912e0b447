package io.gazette.common;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Strict reading of query parameters: unknown names, repeated single values and malformed values
 * are all 400s that name the parameter, so that a typo never silently widens a result.
 */
public final class QueryParameters {

  private static final int MAX_LENGTH = 500;

  /**
   * A cursor holds the sort key of the last item: for {@code sort=title}, a title of up to 300
   * characters of up to four UTF-8 bytes each, which base64 writes in about 1,640 characters.
   */
  static final int MAX_CURSOR_LENGTH = 2048;

  private static final Pattern ASCII_NUMBER = Pattern.compile("[0-9]{1,9}");

  private final MultivaluedMap<String, String> values;

  private final List<FieldError> errors = new ArrayList<>();

  /** Rejects every query parameter, for operations that take none. */
  public static void none(MultivaluedMap<String, String> values) {
    new QueryParameters(values, Set.of());
  }

  public QueryParameters(MultivaluedMap<String, String> values, Set<String> allowed) {
    this.values = values;
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(allowed);
    for (String name : unknown) {
      errors.add(
          new FieldError(
              name,
              allowed.isEmpty()
                  ? "is not supported here; this operation takes no query parameters"
                  : "is not supported here; supported: "
                      + String.join(", ", new TreeSet<>(allowed))));
    }
    for (var entry : values.entrySet()) {
      for (String value : entry.getValue()) {
        String problem = Text.unstorable(value);
        int max = entry.getKey().equals("cursor") ? MAX_CURSOR_LENGTH : MAX_LENGTH;
        if (problem == null && value.length() > max && Text.length(value) > max) {
          problem = "must be at most " + max + " characters";
        }
        if (problem != null) {
          errors.add(new FieldError(entry.getKey(), problem));
          break;
        }
      }
    }
    throwCollected();
  }

  /**
   * Reads a parameter with {@code read}; a bad value is noted, and null returned, so that one
   * problem can name every bad parameter ({@link #throwCollected}). Other problems pass through.
   */
  public <T> T collect(Supplier<T> read) {
    try {
      return read.get();
    } catch (ApiException e) {
      if (e.type() != ProblemType.BAD_PARAMETER) {
        throw e;
      }
      errors.addAll(e.errors());
      return null;
    }
  }

  /** Throws one problem naming every bad parameter noted so far, if there is one. */
  public void throwCollected() {
    if (errors.isEmpty()) {
      return;
    }
    List<FieldError> bad = List.copyOf(errors);
    errors.clear();
    if (bad.size() == 1) {
      throw ApiException.badParameter(bad.get(0).field(), bad.get(0).message());
    }
    throw new ApiException(
        ProblemType.BAD_PARAMETER,
        bad.size()
            + " query parameters are invalid: "
            + String.join(", ", bad.stream().map(FieldError::field).distinct().toList()),
        bad.size() > ApiException.MAX_ERRORS ? bad.subList(0, ApiException.MAX_ERRORS) : bad);
  }

  /** A single-valued parameter; empty when absent. */
  public Optional<String> single(String name) {
    List<String> given = values.get(name);
    if (given == null || given.isEmpty()) {
      return Optional.empty();
    }
    if (given.size() > 1) {
      throw ApiException.badParameter(name, "must be given at most once");
    }
    return Optional.of(given.get(0));
  }

  /** A non-blank single-valued parameter; blank counts as given and wrong. */
  public Optional<String> text(String name) {
    Optional<String> value = single(name);
    if (value.isPresent() && value.get().isBlank()) {
      throw ApiException.badParameter(name, "must not be empty");
    }
    return value.map(String::strip);
  }

  /** A repeatable parameter's values, stripped; a blank one counts as given and wrong. */
  public List<String> texts(String name) {
    List<String> given = values.get(name);
    if (given == null) {
      return List.of();
    }
    for (String value : given) {
      if (value.isBlank()) {
        throw ApiException.badParameter(name, "must not be empty");
      }
    }
    return given.stream().map(String::strip).toList();
  }

  public Optional<Integer> integer(String name, int min, int max) {
    return single(name)
        .map(
            text -> {
              // ASCII digits only: Integer.parseInt would also take "+5" and "٥".
              if (ASCII_NUMBER.matcher(text).matches()) {
                int value = Integer.parseInt(text);
                if (value >= min && value <= max) {
                  return value;
                }
              }
              throw ApiException.badParameter(
                  name, "must be an integer from " + min + " to " + max);
            });
  }

  public Optional<Instant> time(String name) {
    return single(name)
        .map(
            text ->
                Times.parse(text)
                    .orElseThrow(
                        () ->
                            ApiException.badParameter(
                                name, Times.refusal(text, Times.NOT_A_TIME))));
  }
}
