package io.gazette.article;

import io.gazette.common.CacheableRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Answers anonymous article reads that the cache holds on the I/O thread, before Quarkus REST hands
 * the request to a worker thread for {@link ArticleResource}: a hit then costs no thread switch,
 * which is most of what separates a cached read from the stack's own ceiling. A miss, a request
 * with a token, and any query the cache has not seen (including invalid ones, which the resource
 * answers with 400) go on to the resource, which fills the cache. Both paths build the response
 * with the same {@link ArticleResource} methods.
 */
public class CachedArticleReads {

  private final ArticleReads reads;

  public CachedArticleReads(ArticleReads reads) {
    this.reads = reads;
  }

  /**
   * The cached response, or null to let the resource answer. Quarkus REST runs I/O-thread filters
   * before all others; a request with credentials is left to the rest of the chain untouched.
   */
  @ServerRequestFilter(nonBlocking = true, priority = CacheableRequest.FILTER_PRIORITY)
  public Response answerFromCache(ContainerRequestContext request, SimpleResourceInfo resource) {
    if (resource.getResourceClass() != ArticleResource.class
        || !CacheableRequest.isAnonymousGet(request)) {
      return null;
    }
    UriInfo uri = request.getUriInfo();
    String rawQuery = uri.getRequestUri().getRawQuery();
    return switch (resource.getMethodName()) {
      case "list" ->
          reads
              .cachedList(rawQuery, Instant.now())
              .map(page -> ArticleResource.listResponse(page, false))
              .orElse(null);
      case "get" ->
          rawQuery != null // fields=... is served by the resource, unknown parameters are 400
                  || request.getHeaderString(HttpHeaders.IF_MATCH) != null
                  || request.getHeaderString(HttpHeaders.IF_UNMODIFIED_SINCE) != null
              ? null // conditions other than If-None-Match are the resource's
              : reads
                  .cachedArticle(uri.getPathParameters().getFirst("idOrSlug"))
                  .map(
                      article ->
                          ArticleResource.publicArticleResponse(
                              article, request.getHeaderString(HttpHeaders.IF_NONE_MATCH)))
                  .orElse(null);
      default -> null;
    };
  }
}
