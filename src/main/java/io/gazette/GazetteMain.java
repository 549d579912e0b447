package io.gazette;

import io.gazette.database.EmbeddedDatabase;
import io.gazette.database.EmbeddedDatabaseConfigSource;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Starts Gazette. Without an external datasource URL it also starts the embedded PostgreSQL on the
 * data directory, hands its coordinates to Quarkus, and stops it cleanly after Quarkus has shut
 * down (so in-flight requests finish before the database goes away).
 *
 * <p>With {@code -Dgazette.exit-when-started=true} it starts completely and then stops at once: the
 * build runs it so to record the class-data archive that later starts load from.
 */
@QuarkusMain
public class GazetteMain {

  static final String EXIT_WHEN_STARTED = "gazette.exit-when-started";

  public static void main(String... args) {
    if (externalDatabaseConfigured()) {
      exit(run(args));
      return;
    }
    Path dataDir = Path.of(setting("gazette.data-dir", "GAZETTE_DATA_DIR", "data"));
    EmbeddedDatabase.Reservation reservation;
    try {
      reservation = EmbeddedDatabase.reserve(dataDir);
    } catch (EmbeddedDatabase.DataDirectoryInUseException e) {
      System.err.println("Gazette cannot start: " + e.getMessage());
      System.exit(1);
      return;
    }
    // PostgreSQL starts while Quarkus initialises its classes; Quarkus waits for it only when it
    // reads the datasource settings (EmbeddedDatabaseConfigSource).
    CompletableFuture<EmbeddedDatabase> database = new CompletableFuture<>();
    Thread starter =
        new Thread(
            () -> {
              try {
                database.complete(reservation.start(0));
              } catch (RuntimeException | Error e) {
                database.completeExceptionally(e);
              }
            },
            "gazette-database-start");
    starter.start();
    EmbeddedDatabaseConfigSource.supply(database);
    int status;
    try {
      status = run(args);
    } finally {
      EmbeddedDatabase started = database.exceptionally(failure -> null).join();
      if (started != null) {
        started.close();
      }
    }
    exit(status);
  }

  /** Runs Quarkus until it shuts down; returns the exit status of a start-and-exit run. */
  private static int run(String... args) {
    // Read and removed: Gazette's configuration rejects unknown gazette.* keys.
    if (!Boolean.parseBoolean(System.clearProperty(EXIT_WHEN_STARTED))) {
      Quarkus.run(args);
      return 0;
    }
    int[] status = {0};
    Quarkus.run(
        ExitWhenStarted.class,
        (code, failure) -> {
          if (failure != null) {
            failure.printStackTrace(); // logging may not be set up yet
          }
          status[0] = code;
        },
        args);
    return status[0];
  }

  private static void exit(int status) {
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Returns as soon as Quarkus has started, which then shuts down. */
  public static final class ExitWhenStarted implements QuarkusApplication {
    @Override
    public int run(String... args) {
      return 0;
    }
  }

  private static boolean externalDatabaseConfigured() {
    return !setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL", "").isBlank();
  }

  private static String setting(String property, String environmentVariable, String fallback) {
    String value = System.getProperty(property);
    if (value == null) {
      value = System.getenv(environmentVariable);
    }
    return value == null ? fallback : value;
  }
}
