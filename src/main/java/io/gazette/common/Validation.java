package io.gazette.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Reports Bean Validation failures under the JSON field names clients use. */
public final class Validation {

  private Validation() {}

  public static List<FieldError> fieldErrors(Set<? extends ConstraintViolation<?>> violations) {
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<?> violation : violations) {
      errors.add(new FieldError(jsonPath(violation.getPropertyPath()), violation.getMessage()));
    }
    errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
    return errors;
  }

  private static String jsonPath(Path path) {
    StringBuilder json = new StringBuilder();
    for (Path.Node node : path) {
      switch (node.getKind()) {
        case PROPERTY -> {
          if (!json.isEmpty()) {
            json.append('.');
          }
          json.append(node.getName());
        }
        case CONTAINER_ELEMENT -> {
          if (node.getIndex() != null) {
            json.append('[').append(node.getIndex()).append(']');
          }
        }
        default -> {
          // Method, parameter and bean nodes are Java structure, not JSON structure.
        }
      }
    }
    return json.isEmpty() ? "body" : json.toString();
  }
}
