package io.gazette.article;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gazette.common.CacheBudget;
import io.gazette.common.MeasuredCaches;
import io.gazette.database.ChangeListener;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ready-to-send JSON of what anonymous readers see: visible articles by id and by slug, and list
 * pages. Entries are dropped when PostgreSQL notifies a change (see {@link ChangeListener}), so
 * every instance on the database stays correct; drafts and scheduled articles are never stored, and
 * a list page is only served until the next scheduled article's publication time.
 */
@ApplicationScoped
public class ArticleCache {

  /** A visible article, serialised. */
  public record CachedArticle(
      long id, String slug, byte[] json, String entityTag, String lastModified) {}

  /** A list page, serialised, valid until a scheduled article becomes visible. */
  public record CachedList(byte[] json, String nextLink, Instant validUntil) {}

  private final ChangeListener changes;
  private final AtomicLong generation = new AtomicLong();

  /**
   * Each article is held under its id and its slug, sharing one JSON array: only the id entry
   * weighs the JSON, so that the limit counts each article once. 96 MiB hold about 10,000 articles
   * of 3 KB Markdown (JSON with body and bodyHtml), or a quarter of a smaller heap.
   */
  private final Cache<String, CachedArticle> articles;

  private final Cache<String, CachedList> lists;

  private final TransactionSynchronizationRegistry transactions;

  public ArticleCache(
      ChangeListener changes,
      TransactionSynchronizationRegistry transactions,
      MeterRegistry registry) {
    this.changes = changes;
    this.transactions = transactions;
    this.articles =
        MeasuredCaches.build(
            Caffeine.newBuilder()
                .maximumWeight(CacheBudget.bytes(96L * 1024 * 1024, 4))
                .weigher(
                    (String key, CachedArticle value) ->
                        key.equals(String.valueOf(value.id())) ? value.json().length + 64 : 64),
            registry,
            "articles");
    this.lists = MeasuredCaches.pages(registry, "article-lists", page -> page.json().length);
    changes.subscribe(this::changed);
  }

  /**
   * The generation to pass to the put methods: read it before reading the database, so that a
   * change notified meanwhile keeps the (possibly stale) result out of the cache.
   */
  public long generation() {
    return generation.get();
  }

  public Optional<CachedArticle> article(String idOrSlug) {
    return changes.live() ? Optional.ofNullable(articles.getIfPresent(idOrSlug)) : Optional.empty();
  }

  public void putArticle(CachedArticle article, long readGeneration) {
    if (changes.live() && generation.get() == readGeneration) {
      articles.put(String.valueOf(article.id()), article);
      articles.put(article.slug(), article);
      if (generation.get() != readGeneration) {
        evict(article.id(), article.slug());
      }
    }
  }

  public Optional<CachedList> list(String key, Instant now) {
    if (!changes.live()) {
      return Optional.empty();
    }
    CachedList page = lists.getIfPresent(key);
    if (page == null || !now.isBefore(page.validUntil())) {
      return Optional.empty();
    }
    return Optional.of(page);
  }

  public void putList(String key, CachedList page, long readGeneration) {
    if (changes.live() && generation.get() == readGeneration) {
      lists.put(key, page);
      if (generation.get() != readGeneration) {
        lists.invalidate(key);
      }
    }
  }

  /**
   * Drops the article from this instance's cache as soon as the current transaction ends, so that a
   * client reading its own write never sees the old copy. (Other instances learn of the change
   * through the notification.)
   */
  public void evictAfterCommit(long articleId) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            changes.publishLocally(String.valueOf(articleId));
          }
        });
  }

  private void changed(String payload) {
    generation.incrementAndGet();
    lists.invalidateAll();
    if (ChangeListener.EVERYTHING.equals(payload)) {
      articles.invalidateAll();
      return;
    }
    CachedArticle cached = articles.getIfPresent(payload);
    evict(cached == null ? parseId(payload) : cached.id(), cached == null ? null : cached.slug());
  }

  private void evict(long id, String slug) {
    articles.invalidate(String.valueOf(id));
    if (slug != null) {
      articles.invalidate(slug);
    } else {
      articles.asMap().values().removeIf(entry -> entry.id() == id);
    }
  }

  private static long parseId(String payload) {
    try {
      return Long.parseLong(payload);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
