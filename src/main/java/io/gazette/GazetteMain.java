package io.gazette;

import io.gazette.database.EmbeddedDatabase;
import io.gazette.database.EmbeddedDatabaseConfigSource;
import io.quarkus.runtime.Application;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

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
    boolean exitWhenStarted = Boolean.parseBoolean(System.clearProperty(EXIT_WHEN_STARTED));
    int[] status = {0};
    // Quarkus's own handler would exit the JVM on a failed start, before main can stop the
    // embedded PostgreSQL it started: the server would run on, orphaned, until the next start.
    Quarkus.run(
        exitWhenStarted ? ExitWhenStarted.class : null,
        (code, failure) -> {
          if (failure != null) {
            if (exitWhenStarted) {
              failure.printStackTrace(); // logging may not be set up yet
            } else {
              // What Quarkus's own handler would log.
              Logger.getLogger(Application.class).error("Failed to start application", failure);
            }
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

  /**
   * Returns as soon as Quarkus has started, which then shuts down: first it reads what a reader's
   * first requests would, and links the classes the start loaded, so that the archive holds the
   * classes of the first requests as well as those of the start.
   */
  public static final class ExitWhenStarted implements QuarkusApplication {

    /** Requests the build's start answers before it exits; 37076 is the demo article. */
    private static final String[] FIRST_REQUESTS = {
      "/q/health/ready",
      "/api/v1/articles/37076",
      "/api/v1/articles/37076",
      "/api/v1/articles/kerry-lands-in-geneva-for-syria-peace-talks-with-russias-lavrov",
      "/api/v1/articles/37076?fields=id,title",
      "/api/v1/articles/37076/comments",
      "/api/v1/articles",
      "/api/v1/articles?q=geneva&limit=5",
      "/api/v1/articles/no-such-article",
      "/api/v1/articles?limit=0"
    };

    @Override
    public int run(String... args) throws Exception {
      int port = ConfigProvider.getConfig().getValue("quarkus.http.port", Integer.class);
      for (String path : FIRST_REQUESTS) {
        get(port, path);
      }
      LoadedClasses.link(Thread.currentThread().getContextClassLoader());
      return 0;
    }

    private static void get(int port, String path) throws IOException {
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        socket.setSoTimeout(10_000);
        socket
            .getOutputStream()
            .write(
                ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        socket.getInputStream().readAllBytes();
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
