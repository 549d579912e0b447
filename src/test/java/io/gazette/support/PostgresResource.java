package io.gazette.support;

import io.gazette.database.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One real PostgreSQL for the whole test run, started exactly as the application starts its
 * embedded one (same class, same durability settings), on a fresh directory under target/.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

  static final Path DATA_DIR = Path.of("target", "test-postgres");

  private static EmbeddedDatabase database;

  @Override
  public Map<String, String> start() {
    if (database == null) {
      deleteRecursively(DATA_DIR);
      database = EmbeddedDatabase.start(DATA_DIR, 0);
    }
    return database.datasourceProperties();
  }

  @Override
  public void stop() {
    // Stopped by the JVM exit hook below, so that several test classes share one server.
  }

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (database != null) {
                    database.close();
                  }
                }));
  }

  /** The JDBC URL of the test database, for tests that inspect it directly. */
  public static String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + database.port() + "/" + EmbeddedDatabase.DATABASE;
  }

  static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
