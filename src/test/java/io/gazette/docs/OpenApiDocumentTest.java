package io.gazette.docs;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed openapi.yaml is what the server serves, and it documents every endpoint. */
@QuarkusTest
class OpenApiDocumentTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final java.nio.file.Path COMMITTED = java.nio.file.Path.of("openapi.yaml");

  @Test
  void servedDocumentIsTheCommittedOpenapiYaml() throws IOException {
    String served =
        given()
            .accept("application/yaml")
            .when()
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();

    assertEquals(YAML.readTree(COMMITTED.toFile()), YAML.readTree(served));
  }

  @Test
  void servedDocumentIsAlsoAvailableAsJson() throws IOException {
    String served =
        given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();

    assertEquals(YAML.readTree(COMMITTED.toFile()), new ObjectMapper().readTree(served));
  }

  @Test
  void swaggerUiIsServed() {
    given().when().get("/q/swagger-ui/").then().statusCode(200);
  }

  @Test
  void everyResourceMethodIsDocumentedAndNothingElse() throws IOException {
    Set<String> implemented = implementedOperations();
    Set<String> documented = new TreeSet<>();
    JsonNode paths = YAML.readTree(COMMITTED.toFile()).path("paths");
    paths
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> {
                          if (Set.of("get", "put", "post", "patch", "delete").contains(method)
                              && path.getKey().startsWith("/api/")) {
                            documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                          }
                        }));

    assertTrue(!implemented.isEmpty());
    assertEquals(implemented, documented);
  }

  /** "METHOD /path/{param}" for every JAX-RS resource method in the application. */
  private static Set<String> implementedOperations() throws IOException {
    Set<String> operations = new TreeSet<>();
    java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
    try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
      for (java.nio.file.Path file :
          files.filter(f -> f.toString().endsWith("Resource.class")).toList()) {
        String name =
            classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> type;
        try {
          type = Class.forName(name);
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException(e);
        }
        Path root = type.getAnnotation(Path.class);
        if (root == null) {
          continue;
        }
        for (Method method : type.getDeclaredMethods()) {
          for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
              Path sub = method.getAnnotation(Path.class);
              String path = join(root.value(), sub == null ? "" : sub.value());
              operations.add(http.value() + " " + path);
            }
          }
        }
      }
    }
    return operations;
  }

  private static String join(String root, String sub) {
    String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
