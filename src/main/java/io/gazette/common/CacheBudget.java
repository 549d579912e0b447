package io.gazette.common;

/**
 * How many bytes of serialised JSON an in-process cache may hold: its own cap, or its share of the
 * JVM's maximum heap when that is smaller, so that a Gazette started with a small heap (-Xmx) keeps
 * its caches in proportion instead of spending the heap on them.
 */
public final class CacheBudget {

  private CacheBudget() {}

  /** The smaller of {@code capBytes} and {@code 1/heapDivisor} of the maximum heap. */
  public static long bytes(long capBytes, int heapDivisor) {
    return Math.min(capBytes, Runtime.getRuntime().maxMemory() / heapDivisor);
  }
}
