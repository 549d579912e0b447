package io.gazette.support;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads /q/metrics as a Prometheus scraper does. */
public final class Metrics {

  private Metrics() {}

  public static String scrape() {
    return RestAssured.given()
        .accept("text/plain")
        .when()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .contentType(containsString("text/plain"))
        .extract()
        .asString();
  }

  /** The value of the first sample of {@code name}, whatever its labels. */
  public static double value(String metrics, String name) {
    return value(metrics, name, "");
  }

  /** The value of the first sample of {@code name} whose labels contain {@code labels}. */
  public static double value(String metrics, String name, String labels) {
    Matcher matcher =
        Pattern.compile(
                "(?m)^"
                    + Pattern.quote(name)
                    + "(\\{[^}]*"
                    + Pattern.quote(labels)
                    + "[^}]*\\})"
                    + (labels.isEmpty() ? "?" : "")
                    + " (\\S+)$")
            .matcher(metrics);
    assertTrue(matcher.find(), name + " {" + labels + "} is served");
    return Double.parseDouble(matcher.group(2));
  }

  /** Lookups the named cache answered so far ({@code result} is "hit" or "miss"). */
  public static double cacheGets(String cache, String result) {
    return value(scrape(), "cache_gets_total", "cache=\"" + cache + "\",result=\"" + result + "\"");
  }
}
