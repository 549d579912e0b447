package io.gazette.database;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Stops the embedded PostgreSQL as the last step of Quarkus' own shutdown. On SIGTERM the JVM may
 * halt as soon as its shutdown hooks finish, before {@code main} gets to run any code after {@code
 * Quarkus.run}; doing it here makes the clean database stop part of the hook.
 */
@ApplicationScoped
public class EmbeddedDatabaseShutdown {

  void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) ShutdownEvent event) {
    EmbeddedDatabase.current().ifPresent(EmbeddedDatabase::close);
  }
}
