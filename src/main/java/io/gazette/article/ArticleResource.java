package io.gazette.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gazette.audit.Audited;
import io.gazette.auth.Role;
import io.gazette.auth.Viewer;
import io.gazette.common.ApiException;
import io.gazette.common.Cursor;
import io.gazette.common.EntityTags;
import io.gazette.common.JsonBodies;
import io.gazette.common.Page;
import io.gazette.common.QueryParameters;
import io.gazette.common.Times;
import jakarta.annotation.security.RolesAllowed;
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
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** {@code /api/v1/articles}: reads are public (drafts need a token), writes need an editor. */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

  static final String MERGE_PATCH = "application/merge-patch+json";
  private static final String VISIBLE_CACHE = "public, max-age=60";
  private static final String PRIVATE_CACHE = "private, no-store";

  private final ArticleService service;
  private final Viewer viewer;
  private final JsonBodies json;
  private final ObjectMapper mapper;

  public ArticleResource(
      ArticleService service, Viewer viewer, JsonBodies json, ObjectMapper mapper) {
    this.service = service;
    this.viewer = viewer;
    this.json = json;
    this.mapper = mapper;
  }

  @GET
  public Response list(@Context UriInfo uri) {
    boolean privileged = viewer.seesUnpublished();
    ArticleListQuery query = ArticleQueryParser.parse(uri.getQueryParameters(), privileged);
    ArticleListing listing = service.list(query, privileged);
    List<Object> items =
        listing.rows().stream().map(row -> select(row.article(), query.fields())).toList();
    String nextCursor = null;
    if (listing.hasMore()) {
      ArticleListing.Row last = listing.rows().get(listing.rows().size() - 1);
      nextCursor =
          new Cursor(query.sort().parameter(), last.article().id(), last.sortKey()).encode();
    }
    Page<Object> page =
        new Page<>(items, new Page.Meta(query.limit(), nextCursor, listing.total(), query.page()));
    Response.ResponseBuilder response =
        Response.ok(page)
            .header(HttpHeaders.CACHE_CONTROL, privileged ? PRIVATE_CACHE : "public, max-age=10");
    if (listing.hasMore()) {
      URI next =
          query.page() != null
              ? uri.getRequestUriBuilder().replaceQueryParam("page", query.page() + 1).build()
              : uri.getRequestUriBuilder().replaceQueryParam("cursor", nextCursor).build();
      response.header("Link", "<" + next + ">; rel=\"next\"");
    }
    return response.build();
  }

  @GET
  @Path("{idOrSlug}")
  public Response get(
      @PathParam("idOrSlug") String idOrSlug,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @Context UriInfo uri) {
    Set<String> fields =
        ArticleQueryParser.fields(new QueryParameters(uri.getQueryParameters(), Set.of("fields")));
    ArticleView article =
        service
            .find(idOrSlug, viewer.seesUnpublished())
            .orElseThrow(() -> ApiException.notFound("No article '" + idOrSlug + "'"));
    boolean visible = article.isPublicAt(Instant.now());
    Response.ResponseBuilder response =
        EntityTags.noneMatchHits(ifNoneMatch, article.entityTag())
            ? Response.notModified()
            : Response.ok(select(article, fields));
    return response
        .tag(unquoted(article.entityTag()))
        .header(HttpHeaders.LAST_MODIFIED, Times.httpDate(article.updatedAt()))
        .header(HttpHeaders.CACHE_CONTROL, visible ? VISIBLE_CACHE : PRIVATE_CACHE)
        .build();
  }

  @POST
  @Audited
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.EDITOR_NAME)
  public Response create(InputStream body, @Context UriInfo uri) {
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
      @PathParam("idOrSlug") String idOrSlug,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      InputStream body) {
    ArticleInput input = json.read(body, ArticleInput.class);
    return written(Response.ok(), service.replace(idOrSlug, input, ifMatch));
  }

  @PATCH
  @Audited
  @Path("{idOrSlug}")
  @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
  @RolesAllowed(Role.EDITOR_NAME)
  public Response patch(
      @PathParam("idOrSlug") String idOrSlug,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      InputStream body) {
    JsonNode patch = json.readObject(body);
    return written(Response.ok(), service.patch(idOrSlug, patch, ifMatch));
  }

  @DELETE
  @Audited
  @Path("{idOrSlug}")
  @RolesAllowed(Role.EDITOR_NAME)
  public Response delete(
      @PathParam("idOrSlug") String idOrSlug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    service.delete(idOrSlug, ifMatch);
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

  /** The whole view, or only the requested fields (sparse fieldsets). */
  private Object select(ArticleView article, Set<String> fields) {
    if (fields == null) {
      return article;
    }
    ObjectNode all = mapper.valueToTree(article);
    all.retain(fields);
    return all;
  }

  private static EntityTag unquoted(String quoted) {
    return new EntityTag(quoted.substring(1, quoted.length() - 1));
  }
}
