package io.gazette.database;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Gives Quarkus the coordinates of the embedded PostgreSQL that {@code GazetteMain} starts while
 * Quarkus initialises its classes. Quarkus reads them when it builds its runtime configuration, the
 * first moment it needs a database; that read waits until the server is up. Not annotated
 * {@code @StaticInitSafe}, so Quarkus' static initialisation never reads it and never waits.
 */
public class EmbeddedDatabaseConfigSource implements ConfigSource {

  private static final Set<String> KEYS =
      Set.of(
          "quarkus.datasource.jdbc.url",
          "quarkus.datasource.username",
          "quarkus.datasource.password");

  private static volatile CompletableFuture<EmbeddedDatabase> starting;

  /** The server being started for this process; read once its configuration is asked for. */
  public static void supply(CompletableFuture<EmbeddedDatabase> database) {
    starting = database;
  }

  @Override
  public Set<String> getPropertyNames() {
    return starting == null ? Set.of() : KEYS;
  }

  @Override
  public String getValue(String name) {
    CompletableFuture<EmbeddedDatabase> database = starting;
    if (database == null || !KEYS.contains(name)) {
      return null;
    }
    return database.join().datasourceProperties().get(name);
  }

  /** Above application.properties and the environment, as the system properties it replaces. */
  @Override
  public int getOrdinal() {
    return 400;
  }

  @Override
  public String getName() {
    return "embedded PostgreSQL";
  }
}
