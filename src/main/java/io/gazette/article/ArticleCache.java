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
   * Articles by id, weighed by their JSON. 96 MiB hold about 10,000 articles of 3 KB Markdown (JSON
   * with body and bodyHtml), or a quarter of a smaller heap.
   */
  private final Cache<String, CachedArticle> articles;

  /**
   * The id of each cached article's slug. It holds ids, not articles: when an article was held
   * under its slug as well, evicting its id entry left the JSON held by the slug entry, which the
   * weight did not count, and reading many articles made the cache grow without bound. A slug whose
   * article has left {@link #articles}, or now has another slug, finds nothing.
   */
  private final Cache<String, String> slugs;

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
                .weigher((String key, CachedArticle value) -> value.json().length + 64),
            registry,
            "articles");
    this.slugs =
        Caffeine.newBuilder()
            .maximumWeight(CacheBudget.bytes(8L * 1024 * 1024, 32))
            .weigher((String slug, String id) -> 2 * slug.length() + 96)
            .build();
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
    if (!changes.live()) {
      return Optional.empty();
    }
    CachedArticle byId = articles.getIfPresent(idOrSlug);
    if (byId != null) {
      return Optional.of(byId);
    }
    String id = slugs.getIfPresent(idOrSlug);
    CachedArticle bySlug = id == null ? null : articles.getIfPresent(id);
    return bySlug != null && bySlug.slug().equals(idOrSlug)
        ? Optional.of(bySlug)
        : Optional.empty();
  }

  public void putArticle(CachedArticle article, long readGeneration) {
    if (changes.live() && generation.get() == readGeneration) {
      String id = String.valueOf(article.id());
      articles.put(id, article);
      slugs.put(article.slug(), id);
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
      slugs.invalidateAll();
      return;
    }
    // The payload is the id of the article that changed.
    CachedArticle cached = articles.getIfPresent(payload);
    articles.invalidate(payload);
    if (cached != null) {
      slugs.invalidate(cached.slug());
    }
  }

  private void evict(long id, String slug) {
    articles.invalidate(String.valueOf(id));
    slugs.invalidate(slug);
  }
}
