package io.gazette.database;

import io.gazette.common.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;

/**
 * Bounds how many requests of this instance wait for a running import at once. A create that finds
 * an import under way waits for it in PostgreSQL (see {@link IdSequences#WAIT_FOR_IMPORTS}) holding
 * a pooled connection; without a bound, a stream of comment posts during a long import would hold
 * every connection of the pool, and reads and edits, which an import never blocks, would find none.
 * Beyond the bound a create is refused at once, as it would be after waiting.
 */
@ApplicationScoped
public class ImportWaits {

  /** Of the pool's 20 connections by default: the rest stay free for everything else. */
  static final int WAITERS = 4;

  /** The {@code Retry-After} of a create refused while an import runs. */
  private static final long RETRY_AFTER_SECONDS = 5;

  private final Semaphore waiters = new Semaphore(WAITERS);

  /** Runs {@code wait}, a statement that waits for the import lock, or refuses with 503. */
  public void await(Runnable wait) {
    if (!waiters.tryAcquire()) {
      throw importRunning();
    }
    try {
      wait.run();
    } finally {
      waiters.release();
    }
  }

  private static ApiException importRunning() {
    return ApiException.unavailable(
        "An import is running, and creates wait for it to end; retry shortly", RETRY_AFTER_SECONDS);
  }
}
