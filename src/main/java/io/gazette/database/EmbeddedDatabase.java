package io.gazette.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * A real PostgreSQL server running on a persistent directory, for installations without an external
 * database and for the test suite.
 *
 * <p>The data directory is locked for the lifetime of the server, so a second Gazette on the same
 * directory fails fast instead of touching files the first one owns. zonky turns durability off by
 * default (it is built for throw-away test databases); Gazette promises not to lose acknowledged
 * writes, so fsync, synchronous commit and full-page writes are switched back on.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  public static final String DATABASE = "postgres";
  public static final String USER = "postgres";

  private static volatile EmbeddedDatabase running;

  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final EmbeddedPostgres postgres;
  private final Reservation dataDirectory;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Reservation dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
  }

  /**
   * Starts PostgreSQL with its cluster in {@code dataDir/postgres}, creating it on first use.
   *
   * @param port the port to listen on (loopback only), or 0 for any free port
   * @throws DataDirectoryInUseException when another process holds the data directory
   */
  public static EmbeddedDatabase start(Path dataDir, int port) {
    return reserve(dataDir).start(port);
  }

  /**
   * Locks the data directory for a server that {@link Reservation#start} starts later, possibly on
   * another thread; a directory in use fails here, at once.
   *
   * @throws DataDirectoryInUseException when another process holds the data directory
   */
  public static Reservation reserve(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      FileChannel channel =
          FileChannel.open(
              dataDir.resolve(".gazette.lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        throw new DataDirectoryInUseException(
            "the data directory "
                + dataDir.toAbsolutePath()
                + " is in use by another running Gazette. Stop it, or set GAZETTE_DATA_DIR to"
                + " another directory.");
      }
      return new Reservation(dataDir, channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not lock the data directory " + dataDir, e);
    }
  }

  /** A locked data directory whose server has not been started yet. */
  public static final class Reservation {
    private final Path dataDir;
    private final FileChannel channel;
    private final FileLock lock;

    private Reservation(Path dataDir, FileChannel channel, FileLock lock) {
      this.dataDir = dataDir;
      this.channel = channel;
      this.lock = lock;
    }

    /**
     * Starts the server; on failure the data directory is released.
     *
     * @param port the port to listen on (loopback only), or 0 for any free port
     */
    public EmbeddedDatabase start(int port) {
      try {
        try {
          stopOrphanedServer(dataDir.resolve("postgres"));
          EmbeddedPostgres.Builder builder =
              EmbeddedPostgres.builder()
                  .setDataDirectory(dataDir.resolve("postgres"))
                  .setOverrideWorkingDirectory(dataDir.resolve("runtime").toFile())
                  .setCleanDataDirectory(false)
                  .setRegisterShutdownHook(false)
                  .setServerConfig("listen_addresses", "127.0.0.1")
                  .setServerConfig("fsync", "on")
                  .setServerConfig("synchronous_commit", "on")
                  .setServerConfig("full_page_writes", "on")
                  .setServerConfig("max_connections", "100")
                  .setServerConfig("timezone", "UTC");
          if (port > 0) {
            builder.setPort(port);
          }
          EmbeddedDatabase database = new EmbeddedDatabase(builder.start(), this);
          running = database;
          return database;
        } catch (IOException | RuntimeException e) {
          release();
          throw e;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
      }
    }

    /** Unlocks the data directory. */
    void release() throws IOException {
      lock.release();
      channel.close();
    }
  }

  /**
   * A Gazette killed without warning (SIGKILL, OOM killer, power loss of the JVM only) leaves its
   * PostgreSQL child running. Holding the data-directory lock proves that no live Gazette owns that
   * server, so it is stopped (fast shutdown; crash recovery makes even a forced stop safe) before a
   * new one starts.
   */
  private static void stopOrphanedServer(Path cluster) throws IOException {
    Path pidFile = cluster.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
    if (!firstLine.matches("[0-9]{1,10}")) {
      return;
    }
    java.util.Optional<ProcessHandle> orphan =
        ProcessHandle.of(Long.parseLong(firstLine))
            .filter(ProcessHandle::isAlive)
            .filter(
                process ->
                    process
                        .info()
                        .command()
                        .map(command -> command.endsWith("postgres"))
                        .orElse(false));
    if (orphan.isEmpty()) {
      return; // a stale pid file: PostgreSQL itself recovers from it
    }
    ProcessHandle server = orphan.get();
    System.err.println(
        "Gazette: stopping PostgreSQL (pid " + server.pid() + ") left running by a previous run");
    server.destroy();
    try {
      server.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      server.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException("Could not stop the orphaned PostgreSQL", e);
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  public String jdbcUrl() {
    return postgres.getJdbcUrl(USER, DATABASE);
  }

  public int port() {
    return postgres.getPort();
  }

  /** The Quarkus datasource settings that point at this server. */
  public Map<String, String> datasourceProperties() {
    return Map.of(
        "quarkus.datasource.jdbc.url",
        "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE,
        "quarkus.datasource.username",
        USER,
        "quarkus.datasource.password",
        "");
  }

  /** The server this process started, if any. */
  public static java.util.Optional<EmbeddedDatabase> current() {
    return java.util.Optional.ofNullable(running);
  }

  /**
   * Stops PostgreSQL with a fast (clean) shutdown and releases the data directory. Safe to call
   * more than once.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
    } finally {
      try {
        dataDirectory.release();
      } catch (IOException ignored) {
        // The process is ending; the OS releases the lock anyway.
      }
    }
  }

  /** Another process is using the data directory. */
  public static final class DataDirectoryInUseException extends RuntimeException {
    DataDirectoryInUseException(String message) {
      super(message);
    }
  }
}
