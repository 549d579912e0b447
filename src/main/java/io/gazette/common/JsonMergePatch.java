package io.gazette.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** RFC 7396 JSON Merge Patch over Jackson trees, using the JSON-P implementation. */
@ApplicationScoped
public class JsonMergePatch {

  private final ObjectMapper mapper;

  public JsonMergePatch(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The target with the patch merged in; neither argument is modified. */
  public JsonNode apply(JsonNode target, JsonNode patch) {
    try {
      JsonValue merged = Json.createMergePatch(toJsonP(patch)).apply(toJsonP(target));
      return mapper.readTree(merged.toString());
    } catch (JsonProcessingException e) {
      throw new JsonBodies.UncheckedJsonException(e);
    }
  }

  private static JsonValue toJsonP(JsonNode node) {
    try (JsonReader reader = Json.createReader(new StringReader(node.toString()))) {
      return reader.readValue();
    }
  }
}
