package io.gazette.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * No write operation takes query parameters, and one given to a write is refused as on reads (400
 * {@code invalid-parameter} naming it): {@code DELETE /articles/1?dryRun=true} must not delete, and
 * {@code ?parentld=5} (a typo) must not post a top-level comment.
 */
public class WriteQueryStrings {

  @ServerRequestFilter
  public void refuseQueryParameters(ContainerRequestContext request) {
    switch (request.getMethod()) {
      case "POST", "PUT", "PATCH", "DELETE" ->
          QueryParameters.none(QueryStrings.parameters(request.getUriInfo()));
      default -> {
        // Reads check their own parameters.
      }
    }
  }
}
