package io.gazette.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Request starting points for tests: anonymous, or with the test admin token. */
public final class Api {

  /** Matches {@code %test.gazette.admin-token} in application.properties. */
  public static final String ADMIN_TOKEN = "gz_test-admin-token-0123456789abcdef";

  private Api() {}

  public static RequestSpecification anonymous() {
    return given().accept(ContentType.JSON);
  }

  public static RequestSpecification admin() {
    return given().accept(ContentType.JSON).auth().oauth2(ADMIN_TOKEN);
  }

  public static RequestSpecification withToken(String token) {
    return given().accept(ContentType.JSON).auth().oauth2(token);
  }

  /** A short random marker that keeps one test's rows apart from every other test's. */
  public static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
