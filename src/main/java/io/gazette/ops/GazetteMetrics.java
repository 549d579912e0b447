package io.gazette.ops;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Gazette's business metrics, served with the HTTP and connection-pool metrics on {@code
 * /q/metrics}. Counters count committed changes only: a rolled-back publication is no publication.
 */
@ApplicationScoped
public class GazetteMetrics {

  private final MeterRegistry registry;
  private final TransactionSynchronizationRegistry transactions;
  private final AgroalDataSource dataSource;
  private final Counter articlesPublished;
  private final Counter commentsPosted;

  public GazetteMetrics(
      MeterRegistry registry,
      TransactionSynchronizationRegistry transactions,
      AgroalDataSource dataSource) {
    this.registry = registry;
    this.transactions = transactions;
    this.dataSource = dataSource;
    this.articlesPublished =
        Counter.builder("gazette.articles.published")
            .description("Articles that became published (created as or moved to 'published')")
            .register(registry);
    this.commentsPosted =
        Counter.builder("gazette.comments.posted")
            .description("Reader comments stored, whatever their moderation status")
            .register(registry);
  }

  /** Counts an article that becomes published in the current transaction, once it commits. */
  public void articlePublished() {
    afterCommit(articlesPublished::increment);
  }

  /** Counts a reader comment posted in the current transaction, once it commits. */
  public void commentPosted() {
    afterCommit(commentsPosted::increment);
  }

  private void afterCommit(Runnable action) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              action.run();
            }
          }
        });
  }

  /** Comments pending moderation, read from the database at each scrape. */
  void registerPendingComments(@Observes StartupEvent event) {
    Gauge.builder("gazette.comments.pending", this, GazetteMetrics::pendingComments)
        .description("Reader comments awaiting moderation (NaN while the database is unavailable)")
        .register(registry);
  }

  private double pendingComments() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery("select count(*) from comment where status = 'pending'")) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      return Double.NaN;
    }
  }

  /**
   * HTTP server latency as Prometheus histogram buckets (per method, route template and status), so
   * that percentiles can be aggregated across instances; bounded to 1 ms..10 s to keep the bucket
   * count small.
   */
  @Produces
  @Singleton
  MeterFilter httpServerHistograms() {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().equals("http.server.requests")) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .percentilesHistogram(true)
            .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
            .maximumExpectedValue((double) Duration.ofSeconds(10).toNanos())
            .build()
            .merge(config);
      }
    };
  }
}
