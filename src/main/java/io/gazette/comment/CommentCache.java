package io.gazette.comment;

import com.github.benmanes.caffeine.cache.Cache;
import io.gazette.common.MeasuredCaches;
import io.gazette.database.ChangeListener;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ready-to-send pages of approved comments, as anonymous readers get them. Any change to an
 * approved comment notifies its article (migration V13), and the article's pages are dropped on
 * every instance; pages of articles that are not visible are never stored.
 */
@ApplicationScoped
public class CommentCache {

  /** One serialised page and its relative next link (null on the last page). */
  public record CachedPage(long articleId, byte[] json, String nextLink) {}

  private final ChangeListener changes;
  private final AtomicLong generation = new AtomicLong();
  private final Cache<String, CachedPage> pages;

  public CommentCache(ChangeListener changes, MeterRegistry registry) {
    this.changes = changes;
    this.pages = MeasuredCaches.pages(registry, "comment-pages", page -> page.json().length);
    changes.subscribe(this::changed);
  }

  /** Read before reading the database; see {@link #put}. */
  public long generation() {
    return generation.get();
  }

  public Optional<CachedPage> page(String key) {
    return changes.live() ? Optional.ofNullable(pages.getIfPresent(key)) : Optional.empty();
  }

  /** Stores a page unless a change was notified since {@code readGeneration}. */
  public void put(String key, CachedPage page, long readGeneration) {
    if (changes.live() && generation.get() == readGeneration) {
      pages.put(key, page);
      if (generation.get() != readGeneration) {
        pages.invalidate(key);
      }
    }
  }

  /** Drops an article's pages here at once (other instances follow the notification). */
  public void evict(long articleId) {
    changed(String.valueOf(articleId));
  }

  private void changed(String payload) {
    generation.incrementAndGet();
    if (ChangeListener.EVERYTHING.equals(payload)) {
      pages.invalidateAll();
      return;
    }
    try {
      long articleId = Long.parseLong(payload);
      pages.asMap().values().removeIf(page -> page.articleId() == articleId);
    } catch (NumberFormatException e) {
      pages.invalidateAll();
    }
  }
}
