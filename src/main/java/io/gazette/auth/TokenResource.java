package io.gazette.auth;

import io.gazette.audit.Audited;
import io.gazette.common.JsonBodies;
import io.gazette.common.JsonMediaType;
import io.gazette.common.Page;
import io.gazette.common.QueryParameters;
import io.gazette.common.QueryStrings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** {@code /api/v1/tokens}: admins mint, list and revoke API tokens. */
@Path("/api/v1/tokens")
@Produces(JsonMediaType.UTF8_VALUE)
@RolesAllowed(Role.ADMIN_NAME)
public class TokenResource {

  private final TokenService service;
  private final JsonBodies json;

  public TokenResource(TokenService service, JsonBodies json) {
    this.service = service;
    this.json = json;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited
  public Response create(byte[] body, @Context UriInfo uri) {
    TokenView created = service.create(json.read(body, TokenInput.class));
    return Response.created(
            uri.getBaseUriBuilder()
                .path(TokenResource.class)
                .path(String.valueOf(created.id()))
                .build())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .entity(created)
        .build();
  }

  @GET
  public Response list(@Context UriInfo uri) {
    QueryParameters.none(QueryStrings.parameters(uri));
    List<TokenView> tokens = service.list();
    return Response.ok(
            new Page<>(tokens, new Page.Meta(tokens.size(), null, (long) tokens.size(), null)))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  @DELETE
  @Produces(MediaType.WILDCARD) // 204 has no body, so no Accept header can refuse it
  @Path("{id}")
  @Audited
  public Response revoke(@PathParam("id") long id) {
    service.revoke(id);
    return Response.noContent().build();
  }
}
