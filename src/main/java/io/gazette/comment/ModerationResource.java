package io.gazette.comment;

import com.fasterxml.jackson.databind.JsonNode;
import io.gazette.audit.Audited;
import io.gazette.auth.Role;
import io.gazette.common.ApiException;
import io.gazette.common.EntityTags;
import io.gazette.common.JsonBodies;
import io.gazette.common.JsonMediaType;
import io.gazette.common.Preconditions;
import io.gazette.common.QueryParameters;
import io.gazette.common.QueryStrings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/comments}: moderation. Every token may read the queue (preview tokens read
 * everything); editors and admins moderate. Everything here may show the poster's email, client
 * address and user agent, so nothing here is public.
 */
@Path("/api/v1/comments")
@Produces(JsonMediaType.UTF8_VALUE)
@RolesAllowed(Role.EDITOR_NAME)
public class ModerationResource {

  static final String MERGE_PATCH = "application/merge-patch+json";
  private static final String PRIVATE_CACHE = "private, no-store";
  private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

  private final ModerationService service;
  private final JsonBodies json;

  public ModerationResource(ModerationService service, JsonBodies json) {
    this.service = service;
    this.json = json;
  }

  @GET
  @RolesAllowed(Role.PREVIEW_NAME)
  public Response queue(@Context UriInfo uri) {
    ModerationQuery query = ModerationQuery.parse(QueryStrings.parameters(uri));
    return CommentPages.response(service.queue(query), query.page(), uri, PRIVATE_CACHE);
  }

  @GET
  @RolesAllowed(Role.PREVIEW_NAME)
  @Path("{id}")
  public Response get(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @HeaderParam(HttpHeaders.IF_UNMODIFIED_SINCE) String ifUnmodifiedSince,
      @Context UriInfo uri) {
    QueryParameters.none(QueryStrings.parameters(uri));
    ModeratedComment comment =
        service.find(parseId(id)).orElseThrow(() -> ApiException.notFound("No comment " + id));
    String current = comment.entityTag();
    Preconditions.ofRead(ifMatch, ifUnmodifiedSince)
        .check("comment", current::equals, comment.updatedAt(), current);
    Response.ResponseBuilder response =
        EntityTags.noneMatchHits(ifNoneMatch, comment.entityTag())
            ? Response.notModified()
            : Response.ok(comment);
    return tagged(response, comment);
  }

  @PATCH
  @Audited
  @Path("{id}")
  @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
  public Response patch(
      @PathParam("id") String id, @BeanParam Preconditions conditions, byte[] body) {
    JsonNode patch = json.readObject(body);
    ModeratedComment comment = service.patch(parseId(id), patch, conditions);
    return tagged(Response.ok(comment), comment);
  }

  @DELETE
  @Produces(MediaType.WILDCARD) // 204 has no body, so no Accept header can refuse it
  @Audited
  @Path("{id}")
  public Response delete(@PathParam("id") String id, @BeanParam Preconditions conditions) {
    service.delete(parseId(id), conditions);
    return Response.noContent().build();
  }

  /** Comment ids are numbers; anything else names no comment. */
  private static long parseId(String id) {
    if (!ID.matcher(id).matches()) {
      throw ApiException.notFound("No comment " + id);
    }
    return Long.parseLong(id);
  }

  private static Response tagged(Response.ResponseBuilder response, ModeratedComment comment) {
    String quoted = comment.entityTag();
    return response
        .tag(new EntityTag(quoted.substring(1, quoted.length() - 1)))
        .header(HttpHeaders.CACHE_CONTROL, PRIVATE_CACHE)
        .build();
  }
}
