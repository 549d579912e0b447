package io.gazette;

import io.gazette.database.EmbeddedDatabase;
import io.gazette.database.EmbeddedDatabaseConfigSource;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Starts Gazette. Without an external datasource URL it also starts the embedded PostgreSQL on the
 * data directory, hands its coordinates to Quarkus, and stops it cleanly after Quarkus has shut
 * down (so in-flight requests finish before the database goes away).
 */
@QuarkusMain
public class GazetteMain {

  public static void main(String... args) {
    if (externalDatabaseConfigured()) {
      Quarkus.run(args);
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
    try {
      Quarkus.run(args);
    } finally {
      EmbeddedDatabase started = database.exceptionally(failure -> null).join();
      if (started != null) {
        started.close();
      }
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
