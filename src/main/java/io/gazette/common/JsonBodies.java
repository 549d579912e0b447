package io.gazette.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads request bodies strictly: JSON syntax, then types, then Bean Validation plus the checks a
 * payload declares itself ({@link SelfValidating}), all reported together as one 400.
 */
@ApplicationScoped
public class JsonBodies {

  private final ObjectMapper mapper;
  private final Validator validator;

  private final ClassValue<Shape> shapes =
      new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
          return shapeOf(type);
        }
      };

  public JsonBodies(ObjectMapper mapper, Validator validator) {
    this.mapper = mapper;
    this.validator = validator;
  }

  /**
   * Parses a body that must be a JSON object. Bodies come as bytes, which Quarkus REST reads on the
   * I/O thread before the endpoint runs; an {@code InputStream} would park the worker thread until
   * the I/O thread hands it the body. The bytes must be well-formed UTF-8 ({@link Utf8}).
   */
  public JsonNode readObject(byte[] body) {
    int malformed = Utf8.firstMalformed(body, 0, body.length);
    if (malformed >= 0) {
      throw new ApiException(
          ProblemType.MALFORMED_JSON,
          "The request body is not valid UTF-8 (at byte " + malformed + ")");
    }
    JsonNode node;
    try {
      node = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedJsonException(e);
    } catch (IOException e) {
      throw ApiException.unreadableBody();
    }
    if (node == null || node.isMissingNode()) {
      throw new ApiException(ProblemType.MALFORMED_JSON, "The request body is empty");
    }
    if (!node.isObject()) {
      throw new ApiException(ProblemType.MALFORMED_JSON, "The request body must be a JSON object");
    }
    List<FieldError> infinite = new ArrayList<>();
    node.properties()
        .forEach(
            field -> {
              if (holdsInfiniteNumber(field.getValue())) {
                infinite.add(new FieldError(field.getKey(), "holds a number out of range"));
              }
            });
    if (!infinite.isEmpty()) {
      throw ApiException.invalid(infinite);
    }
    return node;
  }

  /**
   * Whether a value holds a number too large for a double ({@code 1e999999}), which Jackson reads
   * as infinity and would write back as the string "Infinity" (as a merge patch does).
   */
  private static boolean holdsInfiniteNumber(JsonNode value) {
    if (value.isFloatingPointNumber()) {
      return !Double.isFinite(value.doubleValue());
    }
    if (value.isContainerNode()) {
      for (JsonNode element : value) {
        if (holdsInfiniteNumber(element)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Binds a JSON object to a payload record and validates it. Every bad field is reported at once:
   * unknown names, wrong JSON types and failed constraints together.
   */
  public <T extends Record> T bind(JsonNode node, Class<T> type) {
    ObjectNode fields = ((ObjectNode) node).deepCopy();
    List<FieldError> errors = new ArrayList<>();
    Shape shape = shapes.get(type);
    for (String name : List.copyOf(fields.properties().stream().map(Map.Entry::getKey).toList())) {
      ObjectReader reader = shape.readers().get(name);
      if (shape.ignored().contains(name)) {
        fields.remove(name);
      } else if (reader == null) {
        errors.add(new FieldError(name, "is not a known field"));
        fields.remove(name);
      } else {
        try {
          reader.readValue(fields.get(name));
        } catch (MismatchedInputException e) {
          String path = name + JsonPaths.of(e);
          errors.add(new FieldError(path, "must be " + JsonPaths.describe(e.getTargetType())));
          fields.remove(name);
        } catch (IOException e) {
          errors.add(new FieldError(name, "is invalid"));
          fields.remove(name);
        }
      }
    }
    T value;
    try {
      value = mapper.treeToValue(fields, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedJsonException(e);
    }
    Set<String> reported = new HashSet<>(errors.stream().map(FieldError::field).toList());
    for (FieldError error : violations(value)) {
      if (reported.stream().noneMatch(field -> error.field().startsWith(field))) {
        errors.add(error);
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    return value;
  }

  public <T extends Record> T read(byte[] body, Class<T> type) {
    return bind(readObject(body), type);
  }

  private <T> List<FieldError> violations(T value) {
    Set<ConstraintViolation<T>> violations = validator.validate(value);
    List<FieldError> errors = new ArrayList<>(Validation.fieldErrors(violations));
    if (value instanceof SelfValidating self) {
      errors.addAll(self.checks());
    }
    return errors;
  }

  /**
   * What binding needs to know of a payload type: a reader per field for its JSON type check, and
   * the names it ignores. Found by reflection once per type, not on every request.
   */
  private record Shape(Map<String, ObjectReader> readers, Set<String> ignored) {}

  private Shape shapeOf(Class<?> type) {
    Map<String, ObjectReader> readers = new HashMap<>();
    for (RecordComponent component : type.getRecordComponents()) {
      readers.put(
          component.getName(), mapper.readerFor(mapper.constructType(component.getGenericType())));
    }
    JsonIgnoreProperties ignore = type.getAnnotation(JsonIgnoreProperties.class);
    return new Shape(Map.copyOf(readers), ignore == null ? Set.of() : Set.of(ignore.value()));
  }

  public JsonNode toTree(Object value) {
    return mapper.valueToTree(value);
  }

  /**
   * A parser's message for a client: without the source locations Jackson writes into some of them
   * ("expected close marker for Object (start marker at [Source: REDACTED ...; line: 1, column:
   * 1])"), its advice on which feature to enable ("Non-standard token 'NaN': enable
   * `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow") and the Java type and feature behind a
   * refusal ("(bound as `...JsonNode`): not allowed as per `DeserializationFeature...`"), which
   * speak of Jackson instead of anything the client sent.
   */
  public static String parserMessage(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    return message == null ? "" : SOURCE_LOCATION.matcher(message).replaceAll("").strip();
  }

  private static final Pattern SOURCE_LOCATION =
      Pattern.compile(
          "\\s*\\(start marker at \\[Source: [^\\]]*\\]\\)|\\s*\\[Source: [^\\]]*\\]"
              + "|:?\\s*enable `[^`]*` to allow"
              + "|\\s*\\(not recognized as one since Feature '[^']*' not enabled for parser\\)"
              + "|\\s*\\(bound as `[^`]*`\\)|:?\\s*not allowed as per `[^`]*`");

  /** Payloads with rules Bean Validation cannot express declare them here. */
  public interface SelfValidating {
    List<FieldError> checks();
  }

  /** Carries a Jackson failure out of code that cannot throw checked exceptions. */
  public static final class UncheckedJsonException extends RuntimeException {
    public UncheckedJsonException(JsonProcessingException cause) {
      super(parserMessage(cause), cause, false, false);
    }

    @Override
    public synchronized JsonProcessingException getCause() {
      return (JsonProcessingException) super.getCause();
    }
  }
}
