package io.gazette.common;

import io.gazette.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
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
}
