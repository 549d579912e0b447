package io.gazette.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gazette.config.GazetteConfig;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.netty.util.NetUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
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
        bucket("comment:" + client(address), commentsPerMinute).tryConsumeAndReturnRemaining(1);
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
    Bucket bucket = buckets.getIfPresent("auth:" + client(address));
    if (bucket == null || bucket.getAvailableTokens() > 0) {
      return 0;
    }
    return seconds(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
  }

  /** Counts one failed authentication against the address. */
  public void recordAuthenticationFailure(String address) {
    if (authFailuresPerMinute > 0) {
      bucket("auth:" + client(address), authFailuresPerMinute).tryConsume(1);
    }
  }

  /**
   * Whose allowance an address draws on: an IPv4 address's own, and for IPv6 that of its /64. A
   * single IPv6 subscriber or server is usually given a whole /64, and could otherwise post from as
   * many addresses as it likes.
   */
  static String client(String address) {
    if (address.indexOf(':') < 0) {
      return address;
    }
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
    if (bytes == null || bytes.length != 16) {
      return address;
    }
    Arrays.fill(bytes, 8, 16, (byte) 0);
    try {
      return NetUtil.toAddressString(InetAddress.getByAddress(bytes)) + "/64";
    } catch (UnknownHostException e) {
      return address;
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
