package io.gazette.common;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.gazette.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityHeadersTest {

  @Test
  void everyResponseCarriesSecurityHeadersAndNoServerBanner() {
    Response[] responses = {
      Api.anonymous().get("/api/v1/articles/37076"),
      Api.anonymous().get("/api/v1/articles/does-not-exist"),
      Api.anonymous().contentType(ContentType.JSON).body("{}").post("/api/v1/articles"),
      Api.anonymous().get("/q/health/ready"),
    };
    for (Response response : responses) {
      response
          .then()
          .header("X-Content-Type-Options", equalTo("nosniff"))
          .header("Referrer-Policy", equalTo("no-referrer"))
          .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"))
          .header("Server", nullValue());
    }
  }

  @Test
  void swaggerUiIsNotBrokenByTheApiContentSecurityPolicyButCannotBeFramed() {
    Api.anonymous()
        .accept("*/*")
        .get("/q/swagger-ui/")
        .then()
        .statusCode(200)
        .header("Content-Security-Policy", equalTo("frame-ancestors 'none'"))
        .header("X-Frame-Options", equalTo("DENY"));
  }

  @Test
  void publicReadsAreOpenToEveryOrigin() {
    Api.anonymous()
        .header("Origin", "https://any-news-site.example")
        .get("/api/v1/articles/37076")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", equalTo("*"))
        .header("Access-Control-Allow-Credentials", nullValue());
    Api.anonymous()
        .header("Origin", "https://any-news-site.example")
        .header("Access-Control-Request-Method", "GET")
        .options("/api/v1/articles")
        .then()
        .statusCode(204)
        .header("Access-Control-Allow-Origin", equalTo("*"));
  }

  @Test
  void publicReadsCarryTheSameCorsHeadersWithOrWithoutAnOrigin() {
    // A shared cache may keep the answer to a request without Origin (or from a listed origin)
    // and give it to a page on any origin, so it must not depend on who asked first.
    for (String origin : new String[] {null, "https://editor.gazette.example"}) {
      var request = Api.anonymous();
      if (origin != null) {
        request.header("Origin", origin);
      }
      request
          .get("/api/v1/articles/37076")
          .then()
          .statusCode(200)
          .header("Access-Control-Allow-Origin", equalTo("*"))
          .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("ETag"))
          .header(
              "Vary", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Origin")));
    }
    Api.anonymous()
        .get("/api/v1/articles/no-such-article")
        .then()
        .statusCode(404)
        .header("Access-Control-Allow-Origin", equalTo("*"));
    Api.admin()
        .get("/api/v1/articles/37076")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void publicListsTellSharedCachesThatATokenChangesThem() {
    for (String path : new String[] {"/api/v1/articles", "/api/v1/articles/37076/comments"}) {
      Api.anonymous()
          .get(path)
          .then()
          .statusCode(200)
          .header("Cache-Control", org.hamcrest.Matchers.startsWith("public"))
          .header("Vary", equalTo("Authorization"));
      // The second read comes from the in-process cache and must say the same.
      Api.anonymous().get(path).then().statusCode(200).header("Vary", equalTo("Authorization"));
      Api.admin()
          .get(path)
          .then()
          .statusCode(200)
          .header("Cache-Control", equalTo("private, no-store"));
    }
  }

  @Test
  void writesFromUnlistedOriginsAreRefused() {
    Api.admin()
        .header("Origin", "https://evil.example")
        .contentType(ContentType.JSON)
        .body("{\"title\": \"cross-site\"}")
        .post("/api/v1/articles")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    Api.anonymous()
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization, content-type")
        .options("/api/v1/articles")
        .then()
        .header("Access-Control-Allow-Origin", nullValue())
        .header("Access-Control-Allow-Methods", nullValue());
  }

  @Test
  void listedOriginMayWrite() {
    Api.anonymous()
        .header("Origin", "https://editor.gazette.example")
        .header("Access-Control-Request-Method", "PATCH")
        .header(
            "Access-Control-Request-Headers",
            "authorization, content-type, if-match, if-unmodified-since")
        .options("/api/v1/articles/1")
        .then()
        .statusCode(204)
        .header("Access-Control-Allow-Origin", equalTo("https://editor.gazette.example"))
        .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("PATCH"))
        .header(
            "Access-Control-Allow-Headers", org.hamcrest.Matchers.containsString("Authorization"))
        .header(
            "Access-Control-Allow-Headers",
            org.hamcrest.Matchers.containsString("If-Unmodified-Since"));
    Api.admin()
        .header("Origin", "https://editor.gazette.example")
        .contentType(ContentType.JSON)
        .body("{\"title\": \"from the editor app\"}")
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .header("Access-Control-Allow-Origin", equalTo("https://editor.gazette.example"))
        .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("ETag"));
  }
}
