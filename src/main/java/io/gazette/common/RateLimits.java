package io.gazette.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gazette.config.GazetteConfig;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Per-client-address token buckets (Bucket4j), refilled continuously over a minute. Buckets live in
 * a bounded Caffeine cache, so a flood of distinct addresses costs bounded memory. A limit of 0
 * turns that limit off.
 */
@ApplicationScoped
public class RateLimits {

  private final int commentsPerMinute;
  private final int authFailuresPerMinute;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(2)).build();

  public RateLimits(GazetteConfig config) {
    this.commentsPerMinute = config.rateLimit().commentsPerMinute();
    this.authFailuresPerMinute = config.rateLimit().authFailuresPerMinute();
  }

  /** Takes one comment post from the address' allowance, or throws a 429 problem. */
  public void consumeCommentPost(String address) {
    if (commentsPerMinute <= 0) {
      return;
    }
    ConsumptionProbe probe =
        bucket("comment:" + address, commentsPerMinute).tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw ApiException.tooManyRequests(
          "Too many comments from your address; at most " + commentsPerMinute + " a minute",
          seconds(probe.getNanosToWaitForRefill()));
    }
  }

  /** Seconds until the address may try to authenticate again; 0 when it may now. */
  public long authenticationBlockedFor(String address) {
    if (authFailuresPerMinute <= 0) {
      return 0;
    }
    Bucket bucket = buckets.getIfPresent("auth:" + address);
    if (bucket == null || bucket.getAvailableTokens() > 0) {
      return 0;
    }
    return seconds(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
  }

  /** Counts one failed authentication against the address. */
  public void recordAuthenticationFailure(String address) {
    if (authFailuresPerMinute > 0) {
      bucket("auth:" + address, authFailuresPerMinute).tryConsume(1);
    }
  }

  private Bucket bucket(String key, int perMinute) {
    return buckets.get(
        key,
        ignored ->
            Bucket.builder()
                .addLimit(
                    Bandwidth.builder()
                        .capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build());
  }

  private static long seconds(long nanos) {
    return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
  }
}
