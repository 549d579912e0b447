package io.gazette.comment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The public comment list: from {@link CommentCache} for anonymous readers, from the database for
 * token holders (who may read comments of articles that are not public).
 */
@ApplicationScoped
public class CommentReads {

  private final CommentService service;
  private final CommentCache cache;
  private final ObjectMapper mapper;

  public CommentReads(CommentService service, CommentCache cache, ObjectMapper mapper) {
    this.service = service;
    this.cache = cache;
    this.mapper = mapper;
  }

  /** A page as JSON with its relative next link (null on the last page). */
  CommentCache.CachedPage approved(
      String idOrSlug, CommentPageRequest page, boolean privileged, UriInfo uri) {
    String key = privileged ? null : key(idOrSlug, uri.getRequestUri().getRawQuery());
    if (key != null) {
      CommentCache.CachedPage cached = cache.page(key).orElse(null);
      if (cached != null) {
        return cached;
      }
    }
    long generation = cache.generation();
    CommentService.ArticlePage result = service.listApproved(idOrSlug, page, privileged);
    CommentCache.CachedPage fresh =
        new CommentCache.CachedPage(
            result.articleId(),
            write(CommentPages.body(result.listing(), page)),
            CommentPages.nextLink(result.listing(), page, uri));
    if (key != null) {
      cache.put(key, fresh, generation);
    }
    return fresh;
  }

  /** The anonymous page for this article and raw query string, when the cache holds it. */
  Optional<CommentCache.CachedPage> cachedPage(String idOrSlug, String rawQuery) {
    return cache.page(key(idOrSlug, rawQuery));
  }

  private static String key(String idOrSlug, String rawQuery) {
    return idOrSlug + "?" + rawQuery;
  }

  private byte[] write(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
