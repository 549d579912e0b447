package io.gazette;

import io.gazette.database.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts Gazette. Without an external datasource URL it first starts the embedded PostgreSQL on the
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
    EmbeddedDatabase database;
    try {
      database = EmbeddedDatabase.start(dataDir, 0);
    } catch (EmbeddedDatabase.DataDirectoryInUseException e) {
      System.err.println("Gazette cannot start: " + e.getMessage());
      System.exit(1);
      return;
    }
    for (Map.Entry<String, String> property : database.datasourceProperties().entrySet()) {
      System.setProperty(property.getKey(), property.getValue());
    }
    try {
      Quarkus.run(args);
    } finally {
      database.close();
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
