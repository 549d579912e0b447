package io.gazette.common;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.gazette.support.CommentFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Limits as in production (10 failed authentications a minute); loopback is not a proxy. */
@QuarkusTest
@TestProfile(RateLimitTest.Limited.class)
class RateLimitTest {

  public static class Limited implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "gazette.rate-limit.auth-failures-per-minute", "10",
          "gazette.rate-limit.comments-per-minute", "5",
          "gazette.trusted-proxies", "10.0.0.1");
    }
  }

  @Test
  void repeatedFailedAuthenticationsAreSlowedDownWith429AndRetryAfter() {
    for (int i = 0; i < 10; i++) {
      Api.withToken("gz_guess-" + i)
          // An untrusted client cannot escape the limit by naming another address.
          .header("X-Forwarded-For", "203.0.113." + i)
          .get("/api/v1/articles")
          .then()
          .statusCode(401);
    }

    Api.withToken("gz_guess-11")
        .header("X-Forwarded-For", "198.51.100.7")
        .get("/api/v1/articles")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", notNullValue())
        .body("status", equalTo(429));
    // While blocked, even a correct token is not tried: guessing cannot continue.
    Api.admin().get("/api/v1/articles").then().statusCode(429);
    // Reads without credentials are not affected.
    Api.anonymous().get("/api/v1/articles/37076").then().statusCode(200);
  }

  @Test
  void commentPostingIsLimitedPerClientAddress() {
    long article = ArticleFixture.published().createId();
    for (int i = 0; i < 5; i++) {
      CommentFixture.on(article).post();
    }

    Api.anonymous()
        .contentType(ContentType.JSON)
        .body(CommentFixture.on(article).fields())
        .header("X-Forwarded-For", "203.0.113.99")
        .post(CommentFixture.path(article))
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", notNullValue());
  }
}
