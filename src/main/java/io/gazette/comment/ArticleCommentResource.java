package io.gazette.comment;

import io.gazette.audit.Audited;
import io.gazette.auth.Viewer;
import io.gazette.common.ApiException;
import io.gazette.common.ClientAddresses;
import io.gazette.common.JsonBodies;
import io.gazette.common.JsonMediaType;
import io.gazette.common.Links;
import io.gazette.common.ProblemType;
import io.gazette.common.QueryParameters;
import io.gazette.common.QueryStrings;
import io.gazette.common.RateLimits;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Set;

/**
 * {@code /api/v1/articles/{idOrSlug}/comments}: the public side of comments. Anyone may read an
 * article's approved comments and post one ("Leave a Reply"); no token is needed.
 */
@Path("/api/v1/articles/{idOrSlug}/comments")
@Produces(JsonMediaType.UTF8_VALUE)
public class ArticleCommentResource {

  private static final Set<String> PARAMETERS = Set.of("limit", "cursor", "page");

  private final CommentService service;
  private final CommentReads reads;
  private final Viewer viewer;
  private final JsonBodies json;
  private final ClientAddresses addresses;
  private final RateLimits limits;

  public ArticleCommentResource(
      CommentService service,
      CommentReads reads,
      Viewer viewer,
      JsonBodies json,
      ClientAddresses addresses,
      RateLimits limits) {
    this.service = service;
    this.reads = reads;
    this.viewer = viewer;
    this.json = json;
    this.addresses = addresses;
    this.limits = limits;
  }

  @GET
  public Response list(@PathParam("idOrSlug") String idOrSlug, @Context UriInfo uri) {
    CommentPageRequest page =
        CommentPageRequest.parse(
            new QueryParameters(QueryStrings.parameters(uri), PARAMETERS),
            CommentPageRequest.OLDEST_FIRST);
    boolean privileged = viewer.seesUnpublished();
    return pageResponse(reads.approved(idOrSlug, page, privileged, uri), privileged);
  }

  /** A page as sent: from {@link #list} and from the cache (see {@link CachedCommentReads}). */
  static Response pageResponse(CommentCache.CachedPage result, boolean privileged) {
    Response.ResponseBuilder response =
        Response.ok(result.json(), JsonMediaType.UTF8)
            .header(
                HttpHeaders.CACHE_CONTROL, privileged ? "private, no-store" : "public, max-age=10");
    if (!privileged) {
      // A token holder's page adds moderation fields: a shared cache must not give them this one.
      response.header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
    }
    if (result.nextLink() != null) {
      response.header("Link", Links.header(result.nextLink()));
    }
    return response.build();
  }

  @POST
  @Audited
  @Consumes(MediaType.APPLICATION_JSON)
  public Response post(
      @PathParam("idOrSlug") String idOrSlug,
      @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
      @Context HttpServerRequest request,
      @Context UriInfo uri,
      byte[] body) {
    if (viewer.holdsReadOnlyToken()) {
      // Anyone may post without a token, but a preview token writes nothing, as everywhere else.
      throw new ApiException(
          ProblemType.FORBIDDEN,
          "A preview token writes nothing; post the comment without a token, or with an editor's");
    }
    CommentInput input = json.read(body, CommentInput.class);
    String address = addresses.of(request);
    limits.consumeCommentPost(address);
    ClientInfo client = new ClientInfo(address, userAgent);
    PostedComment posted = service.post(idOrSlug, input, client, viewer.seesUnpublished());
    URI location =
        uri.getBaseUriBuilder()
            .path(ModerationResource.class)
            .path(String.valueOf(posted.id()))
            .build();
    return Response.created(location)
        .entity(posted)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }
}
