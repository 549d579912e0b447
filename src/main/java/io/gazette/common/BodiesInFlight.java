package io.gazette.common;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies that are being received and handled at the same time. Reading,
 * parsing, validating and rendering a body takes several times its size in heap, so without a bound
 * enough large bodies arriving together would exhaust any fixed heap, and an {@code
 * OutOfMemoryError} can end any thread, not only the request's. Bodies of requests without a token
 * (comments) may take only half of the bound, so that they cannot crowd out editors' writes.
 *
 * <p>A body is always admitted when no other body is in flight, so that a bound set below the
 * largest body allowed slows such bodies down but never refuses them outright.
 */
final class BodiesInFlight {

  private final long limit;
  private final long anonymousLimit;
  private final AtomicLong all = new AtomicLong();
  private final AtomicLong anonymous = new AtomicLong();

  BodiesInFlight(long limit) {
    this.limit = limit;
    this.anonymousLimit = limit / 2;
  }

  long limit() {
    return limit;
  }

  /** Reserves {@code bytes} for one body; false when the bound would be passed. */
  boolean reserve(long bytes, boolean withoutToken) {
    if (withoutToken && !add(anonymous, bytes, anonymousLimit)) {
      return false;
    }
    if (!add(all, bytes, limit)) {
      if (withoutToken) {
        anonymous.addAndGet(-bytes);
      }
      return false;
    }
    return true;
  }

  /** Gives back what {@link #reserve} took, once the request has been answered or abandoned. */
  void release(long bytes, boolean withoutToken) {
    all.addAndGet(-bytes);
    if (withoutToken) {
      anonymous.addAndGet(-bytes);
    }
  }

  private static boolean add(AtomicLong counter, long bytes, long bound) {
    long current;
    do {
      current = counter.get();
      if (current > 0 && current + bytes > bound) {
        return false;
      }
    } while (!counter.compareAndSet(current, current + bytes));
    return true;
  }
}
