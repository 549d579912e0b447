package io.gazette.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineStatsCounter;

/**
 * In-process caches whose hits, misses, evictions and size are served on {@code /q/metrics} ({@code
 * cache_gets_total{cache="...",result="hit"}} and the like), so that an operator sees how much of
 * the read traffic each cache answers.
 */
public final class MeasuredCaches {

  private MeasuredCaches() {}

  /** Builds the cache, counting its activity under the tag {@code cache=name}. */
  public static <K, V> Cache<K, V> build(
      Caffeine<K, V> builder, MeterRegistry registry, String name) {
    CaffeineStatsCounter stats = new CaffeineStatsCounter(registry, name);
    Cache<K, V> cache = builder.recordStats(() -> stats).build();
    stats.registerSizeMetric(cache);
    return cache;
  }
}
