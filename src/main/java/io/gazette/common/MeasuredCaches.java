package io.gazette.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineStatsCounter;
import java.util.function.ToIntFunction;

/**
 * In-process caches whose hits, misses, evictions and size are served on {@code /q/metrics} ({@code
 * cache_gets_total{cache="...",result="hit"}} and the like), so that an operator sees how much of
 * the read traffic each cache answers.
 */
public final class MeasuredCaches {

  private MeasuredCaches() {}

  /**
   * A cache of serialised pages by key (list pages, comment pages), weighed by their JSON: 32 MiB,
   * or a sixteenth of a smaller heap (see {@link CacheBudget}).
   */
  public static <V> Cache<String, V> pages(
      MeterRegistry registry, String name, ToIntFunction<V> jsonLength) {
    return build(
        Caffeine.newBuilder()
            .maximumWeight(CacheBudget.bytes(32L * 1024 * 1024, 16))
            .weigher((String key, V page) -> jsonLength.applyAsInt(page) + key.length() + 64),
        registry,
        name);
  }

  /** Builds the cache, counting its activity under the tag {@code cache=name}. */
  public static <K, V> Cache<K, V> build(
      Caffeine<K, V> builder, MeterRegistry registry, String name) {
    CaffeineStatsCounter stats = new CaffeineStatsCounter(registry, name);
    Cache<K, V> cache = builder.recordStats(() -> stats).build();
    stats.registerSizeMetric(cache);
    return cache;
  }
}
