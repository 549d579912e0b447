package io.gazette.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gazette.common.Cursor;
import io.gazette.common.Links;
import io.gazette.common.Page;
import io.gazette.common.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The read side of articles: list pages and single articles, served from {@link ArticleCache} for
 * anonymous readers and from the database for everyone else.
 */
@ApplicationScoped
public class ArticleReads {

  private final ArticleService service;
  private final ArticleRepository articles;
  private final ArticleCache cache;
  private final ObjectMapper mapper;

  public ArticleReads(
      ArticleService service, ArticleRepository articles, ArticleCache cache, ObjectMapper mapper) {
    this.service = service;
    this.articles = articles;
    this.cache = cache;
    this.mapper = mapper;
  }

  /** A list page as JSON, and the relative link to the next page (null on the last). */
  public record ListPage(byte[] json, String nextLink) {}

  ListPage list(ArticleListQuery query, boolean privileged, UriInfo uri) {
    Instant now = Instant.now();
    String rawQuery = uri.getRequestUri().getRawQuery();
    if (!privileged) {
      Optional<ListPage> cached = cachedList(rawQuery, now);
      if (cached.isPresent()) {
        return cached.get();
      }
    }
    long generation = cache.generation();
    ArticleListing listing = service.list(query, privileged);
    List<Object> items =
        listing.rows().stream().map(row -> select(row.article(), query.fields())).toList();
    String nextCursor = null;
    String nextLink = null;
    if (listing.hasMore()) {
      ArticleListing.Row last = listing.rows().get(listing.rows().size() - 1);
      nextCursor =
          new Cursor(query.sort().parameter(), last.article().id(), last.sortKey()).encode();
      nextLink =
          query.page() != null
              ? Links.withParameter(uri, "page", query.page() + 1)
              : Links.withParameter(uri, "cursor", nextCursor);
    }
    byte[] json =
        write(
            new Page<>(
                items, new Page.Meta(query.limit(), nextCursor, listing.total(), query.page())));
    if (!privileged) {
      Instant validUntil = articles.nextScheduledPublication(now).orElse(Instant.MAX);
      cache.putList(
          listKey(rawQuery), new ArticleCache.CachedList(json, nextLink, validUntil), generation);
    }
    return new ListPage(json, nextLink);
  }

  /** The anonymous list page for this raw query string, when the cache holds a current one. */
  Optional<ListPage> cachedList(String rawQuery, Instant now) {
    return cache
        .list(listKey(rawQuery), now)
        .map(page -> new ListPage(page.json(), page.nextLink()));
  }

  private static String listKey(String rawQuery) {
    return String.valueOf(rawQuery);
  }

  /** A visible article when the cache holds it. */
  Optional<ArticleCache.CachedArticle> cachedArticle(String idOrSlug) {
    return cache.article(idOrSlug);
  }

  /** A visible article, from the cache when possible. */
  Optional<ArticleCache.CachedArticle> publicArticle(String idOrSlug) {
    Optional<ArticleCache.CachedArticle> cached = cachedArticle(idOrSlug);
    if (cached.isPresent()) {
      return cached;
    }
    long generation = cache.generation();
    Optional<ArticleView> article = service.find(idOrSlug, false);
    if (article.isEmpty()) {
      return Optional.empty();
    }
    ArticleView view = article.get();
    ArticleCache.CachedArticle entry =
        new ArticleCache.CachedArticle(
            view.id(),
            view.slug(),
            write(view),
            view.entityTag(),
            Times.httpDate(view.updatedAt()));
    cache.putArticle(entry, generation);
    return Optional.of(entry);
  }

  /** The whole view, or only the requested fields (sparse fieldsets). */
  Object select(ArticleView article, Set<String> fields) {
    if (fields == null) {
      return article;
    }
    ObjectNode all = mapper.valueToTree(article);
    all.retain(fields);
    return all;
  }

  private byte[] write(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
