package io.gazette.comment;

import io.gazette.common.CacheableRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Answers anonymous reads of an article's comments that the cache holds on the I/O thread, before
 * Quarkus REST hands the request to a worker thread (as {@code CachedArticleReads} does for
 * articles). Misses, token holders and queries the cache has not seen go on to {@link
 * ArticleCommentResource#list}, which answers them and fills the cache.
 */
public class CachedCommentReads {

  private final CommentReads reads;

  public CachedCommentReads(CommentReads reads) {
    this.reads = reads;
  }

  /**
   * The cached response, or null to let the resource answer. Quarkus REST runs I/O-thread filters
   * before all others; a request with credentials is left to the rest of the chain untouched.
   */
  @ServerRequestFilter(nonBlocking = true, priority = CacheableRequest.FILTER_PRIORITY)
  public Response answerFromCache(ContainerRequestContext request, SimpleResourceInfo resource) {
    if (resource.getResourceClass() != ArticleCommentResource.class
        || !resource.getMethodName().equals("list")
        || !CacheableRequest.isAnonymousGet(request)) {
      return null;
    }
    UriInfo uri = request.getUriInfo();
    return reads
        .cachedPage(uri.getPathParameters().getFirst("idOrSlug"), uri.getRequestUri().getRawQuery())
        .map(page -> ArticleCommentResource.pageResponse(page, false))
        .orElse(null);
  }
}
