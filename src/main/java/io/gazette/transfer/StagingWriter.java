package io.gazette.transfer;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes an import's staged rows in batches on a thread of its own, so that PostgreSQL stores one
 * batch (and stems its bodies for the search vector) while the import parses and renders the next
 * lines: on two cores the two halves of the work overlap instead of taking turns.
 *
 * <p>At most two batches wait, so memory stays flat whatever the size of the import. The statements
 * belong to the import's connection, which nothing else uses until {@link #finish} returns. The
 * first failure stops the writing and is thrown to the importing thread on its next call; later
 * batches are drained unwritten, so that the importing thread never blocks on a writer that gave
 * up.
 */
final class StagingWriter implements AutoCloseable {

  /** One staged row: binds its values to the staging insert. */
  @FunctionalInterface
  interface Row {
    void bind(PreparedStatement insert) throws SQLException;
  }

  private record Batch(PreparedStatement insert, List<Row> rows) {}

  private static final Batch END = new Batch(null, List.of());

  private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2);
  private final Thread thread;
  private volatile Throwable failure;
  private boolean ended;

  StagingWriter() {
    thread = new Thread(this::write, "gazette-import-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a batch of rows for {@code insert}; waits while two batches are already waiting. */
  void submit(PreparedStatement insert, List<Row> rows) throws SQLException {
    rethrowFailure();
    put(new Batch(insert, rows));
  }

  /** Waits until every submitted batch is written, and throws the first failure, if any. */
  void finish() throws SQLException {
    end();
    rethrowFailure();
  }

  /** Stops the writer after what it is writing, without throwing: for the import's failure path. */
  @Override
  public void close() {
    end();
  }

  private void end() {
    if (ended) {
      return;
    }
    ended = true;
    boolean interrupted = false;
    while (true) {
      try {
        queue.put(END);
        thread.join();
        break;
      } catch (InterruptedException e) {
        // The writer must be done with the connection before the transaction ends.
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void put(Batch batch) {
    try {
      queue.put(batch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while importing", e);
    }
  }

  private void write() {
    while (true) {
      Batch batch;
      try {
        batch = queue.take();
      } catch (InterruptedException e) {
        failure = e;
        continue; // only end() may stop the loop: it waits for END to be taken
      }
      if (batch == END) {
        return;
      }
      if (failure != null) {
        continue;
      }
      try {
        for (Row row : batch.rows()) {
          row.bind(batch.insert());
          batch.insert().addBatch();
        }
        batch.insert().executeBatch();
      } catch (Throwable t) {
        failure = t;
      }
    }
  }

  private void rethrowFailure() throws SQLException {
    Throwable t = failure;
    if (t == null) {
      return;
    }
    if (t instanceof SQLException sql) {
      throw sql;
    }
    if (t instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (t instanceof Error error) {
      throw error;
    }
    throw new IllegalStateException("Staging the import failed", t);
  }
}
