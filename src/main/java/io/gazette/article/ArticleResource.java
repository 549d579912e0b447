package io.gazette.article;

import com.fasterxml.jackson.databind.JsonNode;
import io.gazette.audit.Audited;
import io.gazette.auth.Role;
import io.gazette.auth.Viewer;
import io.gazette.common.ApiException;
import io.gazette.common.EntityTags;
import io.gazette.common.JsonBodies;
import io.gazette.common.JsonMediaType;
import io.gazette.common.Links;
import io.gazette.common.Preconditions;
import io.gazette.common.QueryParameters;
import io.gazette.common.QueryStrings;
import io.gazette.common.Times;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** {@code /api/v1/articles}: reads are public (drafts need a token), writes need an editor. */
@Path("/api/v1/articles")
@Produces(JsonMediaType.UTF8_VALUE)
public class ArticleResource {

  static final String MERGE_PATCH = "application/merge-patch+json";
  private static final String VISIBLE_CACHE = "public, max-age=60";
  private static final String PRIVATE_CACHE = "private, no-store";
  private static final String LIST_CACHE = "public, max-age=10";

  private final ArticleService service;
  private final ArticleReads reads;
  private final Viewer viewer;
  private final JsonBodies json;

  public ArticleResource(
      ArticleService service, ArticleReads reads, Viewer viewer, JsonBodies json) {
    this.service = service;
    this.reads = reads;
    this.viewer = viewer;
    this.json = json;
  }

  @GET
  public Response list(@Context UriInfo uri, @Context RoutingContext context) {
    boolean privileged = viewer.seesUnpublished();
    ArticleListQuery query = ArticleQueryParser.parse(QueryStrings.parameters(uri), privileged);
    ArticleReads.ListPage page = reads.list(query, privileged, uri);
    if (page.stream() != null) {
      // Called once the response has ended, or the connection closed before it did.
      context.addEndHandler(ended -> page.ended());
    }
    return listResponse(page, privileged);
  }

  /**
   * A list page as sent: from {@link #list} and from the cache (see {@link CachedArticleReads}).
   */
  static Response listResponse(ArticleReads.ListPage page, boolean privileged) {
    Response.ResponseBuilder response =
        Response.ok(page.entity(), JsonMediaType.UTF8)
            .header(HttpHeaders.CACHE_CONTROL, privileged ? PRIVATE_CACHE : LIST_CACHE);
    if (!privileged) {
      // A token holder's list holds more: a shared cache must not give them this one.
      response.header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
    }
    if (page.nextLink() != null) {
      response.header("Link", Links.header(page.nextLink()));
    }
    return response.build();
  }

  @GET
  @Path("{idOrSlug}")
  public Response get(
      @PathParam("idOrSlug") String idOrSlug,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @HeaderParam(HttpHeaders.IF_UNMODIFIED_SINCE) String ifUnmodifiedSince,
      @Context UriInfo uri) {
    Reading reading = new Reading(ifNoneMatch, ifMatch, ifUnmodifiedSince);
    Set<String> fields =
        ArticleQueryParser.fields(
            new QueryParameters(QueryStrings.parameters(uri), Set.of("fields")));
    if (fields == null) {
      if (viewer.isAnonymous()) {
        return articleResponse(
            reads.publicArticle(idOrSlug).orElseThrow(() -> notFound(idOrSlug)),
            reading,
            VISIBLE_CACHE);
      }
      // A token holder gets a visible article exactly as readers do, so the readers' cached copy
      // serves; the cache holds no other kind, and anything else is read below. What is read with
      // a token is never for shared caches, as with lists.
      Optional<ArticleCache.CachedArticle> cached = reads.cachedArticle(idOrSlug);
      if (cached.isPresent()) {
        return articleResponse(cached.get(), reading, PRIVATE_CACHE);
      }
    }
    ArticleReads.BuiltArticle article =
        reads
            .article(idOrSlug, viewer.seesUnpublished(), fields)
            .orElseThrow(() -> notFound(idOrSlug));
    return conditional(
            reading,
            article.entityTag(),
            article.lastModified(),
            () -> Response.ok(article.json(), JsonMediaType.UTF8))
        .header(HttpHeaders.LAST_MODIFIED, article.lastModified())
        .header(
            HttpHeaders.CACHE_CONTROL,
            article.visible() && viewer.isAnonymous() ? VISIBLE_CACHE : PRIVATE_CACHE)
        .build();
  }

  /**
   * The conditional headers of a read. The cache's fast path (see {@link CachedArticleReads})
   * answers only {@code If-None-Match}, and leaves requests with any other to {@link #get}.
   */
  record Reading(String ifNoneMatch, String ifMatch, String ifUnmodifiedSince) {}

  /**
   * A visible article as sent to anonymous readers that send no condition but {@code
   * If-None-Match}: from the cache (see {@link CachedArticleReads}).
   */
  static Response publicArticleResponse(ArticleCache.CachedArticle article, String ifNoneMatch) {
    return articleResponse(article, new Reading(ifNoneMatch, null, null), VISIBLE_CACHE);
  }

  private static Response articleResponse(
      ArticleCache.CachedArticle article, Reading reading, String cacheControl) {
    return conditional(
            reading,
            article.entityTag(),
            article.lastModified(),
            () -> Response.ok(article.json(), JsonMediaType.UTF8))
        .header(HttpHeaders.LAST_MODIFIED, article.lastModified())
        .header(HttpHeaders.CACHE_CONTROL, cacheControl)
        .build();
  }

  /**
   * 412 when {@code If-Match} (or without it {@code If-Unmodified-Since}) fails; 304 when {@code
   * If-None-Match} matches; else the full response. 304 and 200 carry the ETag. {@code
   * If-Modified-Since} is not answered: Last-Modified follows the article's edits, not its comment
   * count, which the ETag and the body also carry.
   */
  private static Response.ResponseBuilder conditional(
      Reading reading,
      String entityTag,
      String lastModified,
      Supplier<Response.ResponseBuilder> full) {
    if (reading.ifMatch() != null || reading.ifUnmodifiedSince() != null) {
      Preconditions.ofRead(reading.ifMatch(), reading.ifUnmodifiedSince())
          .check("article", entityTag::equals, Times.parseHttpDate(lastModified).get(), entityTag);
    }
    Response.ResponseBuilder response =
        EntityTags.noneMatchHits(reading.ifNoneMatch(), entityTag)
            ? Response.notModified()
            : full.get();
    return response.tag(unquoted(entityTag));
  }

  private static ApiException notFound(String idOrSlug) {
    return ApiException.notFound("No article '" + idOrSlug + "'");
  }

  @POST
  @Audited
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.EDITOR_NAME)
  public Response create(byte[] body, @Context UriInfo uri) {
    ArticleView created = service.create(json.read(body, ArticleInput.class));
    URI location =
        uri.getBaseUriBuilder()
            .path(ArticleResource.class)
            .path(String.valueOf(created.id()))
            .build();
    return written(Response.created(location), created);
  }

  @PUT
  @Audited
  @Path("{idOrSlug}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.EDITOR_NAME)
  public Response replace(
      @PathParam("idOrSlug") String idOrSlug, @BeanParam Preconditions conditions, byte[] body) {
    ArticleInput input = json.read(body, ArticleInput.class);
    return written(Response.ok(), service.replace(idOrSlug, input, conditions));
  }

  @PATCH
  @Audited
  @Path("{idOrSlug}")
  @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
  @RolesAllowed(Role.EDITOR_NAME)
  public Response patch(
      @PathParam("idOrSlug") String idOrSlug, @BeanParam Preconditions conditions, byte[] body) {
    JsonNode patch = json.readObject(body);
    return written(Response.ok(), service.patch(idOrSlug, patch, conditions));
  }

  @DELETE
  @Produces(MediaType.WILDCARD) // 204 has no body, so no Accept header can refuse it
  @Audited
  @Path("{idOrSlug}")
  @RolesAllowed(Role.EDITOR_NAME)
  public Response delete(
      @PathParam("idOrSlug") String idOrSlug, @BeanParam Preconditions conditions) {
    service.delete(idOrSlug, conditions);
    return Response.noContent().build();
  }

  private static Response written(Response.ResponseBuilder response, ArticleView article) {
    return response
        .entity(article)
        .tag(unquoted(article.entityTag()))
        .header(HttpHeaders.LAST_MODIFIED, Times.httpDate(article.updatedAt()))
        .header(HttpHeaders.CACHE_CONTROL, PRIVATE_CACHE)
        .build();
  }

  private static EntityTag unquoted(String quoted) {
    return new EntityTag(quoted.substring(1, quoted.length() - 1));
  }
}
