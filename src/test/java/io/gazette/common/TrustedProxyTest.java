package io.gazette.common;

import static org.hamcrest.Matchers.equalTo;

import io.gazette.support.Api;
import io.gazette.support.ArticleFixture;
import io.gazette.support.CommentFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behind a configured proxy, each client address behind it has its own allowance. */
@QuarkusTest
@TestProfile(TrustedProxyTest.BehindProxy.class)
class TrustedProxyTest {

  public static class BehindProxy implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "gazette.rate-limit.auth-failures-per-minute", "3",
          "gazette.trusted-proxies", "127.0.0.1,::1");
    }
  }

  @Test
  void forwardedClientAddressesAreLimitedSeparately() {
    for (int i = 0; i < 3; i++) {
      Api.withToken("gz_wrong")
          .header("X-Forwarded-For", "203.0.113.10")
          .get("/api/v1/articles")
          .then()
          .statusCode(401);
    }
    Api.withToken("gz_wrong")
        .header("X-Forwarded-For", "203.0.113.10")
        .get("/api/v1/articles")
        .then()
        .statusCode(429);

    Api.withToken("gz_wrong")
        .header("X-Forwarded-For", "203.0.113.11")
        .get("/api/v1/articles")
        .then()
        .statusCode(401);
    Api.admin()
        .header("X-Forwarded-For", "203.0.113.12")
        .get("/api/v1/articles")
        .then()
        .statusCode(200);
  }

  @Test
  void addressesPrependedByTheClientAreIgnored() {
    // The proxy appends the real peer; whatever the client put before it is not believed.
    for (int i = 0; i < 3; i++) {
      Api.withToken("gz_wrong")
          .header("X-Forwarded-For", "198.51.100." + i + ", 203.0.113.20")
          .get("/api/v1/articles")
          .then()
          .statusCode(401);
    }
    Api.withToken("gz_wrong")
        .header("X-Forwarded-For", "198.51.100.99, 203.0.113.20")
        .get("/api/v1/articles")
        .then()
        .statusCode(429);
  }

  @Test
  void aForwardedAddressWithAPortCountsAsThatAddress() {
    // Some proxies append the client's port; each connection must not get an allowance of its own.
    String[] hops = {"203.0.113.30:40001", "203.0.113.30:40002", "[::ffff:203.0.113.30]:40003"};
    for (String hop : hops) {
      Api.withToken("gz_wrong")
          .header("X-Forwarded-For", hop)
          .get("/api/v1/articles")
          .then()
          .statusCode(401);
    }
    Api.withToken("gz_wrong")
        .header("X-Forwarded-For", "203.0.113.30")
        .get("/api/v1/articles")
        .then()
        .statusCode(429);
  }

  @Test
  void anIpv6ClientIsLimitedByItsSlash64() {
    for (String hop :
        new String[] {"2001:db8:1:2::1", "[2001:db8:1:2::2]:443", "2001:DB8:1:2:0:0:0:3"}) {
      Api.withToken("gz_wrong")
          .header("X-Forwarded-For", hop)
          .get("/api/v1/articles")
          .then()
          .statusCode(401);
    }
    Api.withToken("gz_wrong")
        .header("X-Forwarded-For", "2001:db8:1:2:ffff:ffff:ffff:ffff")
        .get("/api/v1/articles")
        .then()
        .statusCode(429);
    Api.withToken("gz_wrong")
        .header("X-Forwarded-For", "2001:db8:1:3::1")
        .get("/api/v1/articles")
        .then()
        .statusCode(401);
  }

  @Test
  void commentsRecordTheForwardedAddressWithoutPortInOneSpelling() {
    long article = ArticleFixture.published().createId();
    Map<String, String> recorded =
        Map.of(
            "203.0.113.40:5555", "203.0.113.40",
            "[2001:DB8:0:0:0:0:0:41]:443", "2001:db8::41",
            "999.1.1.1", "127.0.0.1",
            "203.0.113.42:99999", "127.0.0.1");
    for (Map.Entry<String, String> hop : recorded.entrySet()) {
      long id =
          Api.anonymous()
              .header("X-Forwarded-For", hop.getKey())
              .contentType(ContentType.JSON)
              .body(CommentFixture.on(article).fields())
              .post(CommentFixture.path(article))
              .then()
              .statusCode(201)
              .extract()
              .jsonPath()
              .getLong("id");
      Api.admin()
          .get("/api/v1/comments/" + id)
          .then()
          .statusCode(200)
          .body("clientAddress", equalTo(hop.getValue()));
    }
  }
}
