package io.gazette.database;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on PostgreSQL's {@code gazette_article} channel (fed by a trigger on every article
 * change) with one dedicated connection, and tells in-process caches which article changed. While
 * the connection is down the caches must not be trusted: {@link #live()} is false, and every
 * (re)connection starts with a full flush, since notifications may have been missed.
 */
@ApplicationScoped
public class ChangeListener {

  public static final String CHANNEL = "gazette_article";

  /** Payload meaning "everything may have changed" (bulk imports). */
  public static final String EVERYTHING = "*";

  private static final Logger LOG = Logger.getLogger(ChangeListener.class);

  private final String url;
  private final Optional<String> user;
  private final Optional<String> password;
  private final List<Consumer<String>> subscribers = new CopyOnWriteArrayList<>();
  private volatile boolean live;
  private volatile boolean running;
  private Thread thread;

  public ChangeListener(
      @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
      @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** Receives the changed article's id, or {@link #EVERYTHING}. */
  public void subscribe(Consumer<String> subscriber) {
    subscribers.add(subscriber);
  }

  /**
   * Tells this instance's caches at once about a change it made itself (other instances learn of it
   * from the notification).
   */
  public void publishLocally(String payload) {
    publish(payload);
  }

  /** True while notifications are being received, so caches may serve. */
  public boolean live() {
    return live;
  }

  void start(@Observes StartupEvent event) {
    running = true;
    thread = new Thread(this::listen, "gazette-change-listener");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    live = false;
    if (thread != null) {
      thread.interrupt();
    }
  }

  private void listen() {
    while (running) {
      try (Connection connection =
          DriverManager.getConnection(url, user.orElse(null), password.orElse(null))) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("listen " + CHANNEL);
        }
        PGConnection postgres = connection.unwrap(PGConnection.class);
        publish(EVERYTHING);
        live = true;
        while (running) {
          PGNotification[] notifications = postgres.getNotifications(500);
          if (notifications != null) {
            for (PGNotification notification : notifications) {
              publish(notification.getParameter());
            }
          }
        }
      } catch (SQLException e) {
        if (live) {
          LOG.warnf(
              "Lost the change notification connection (%s); caches bypassed", e.getMessage());
        }
      } finally {
        live = false;
        publish(EVERYTHING);
      }
      pause();
    }
  }

  private void publish(String payload) {
    for (Consumer<String> subscriber : subscribers) {
      subscriber.accept(payload);
    }
  }

  private void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
