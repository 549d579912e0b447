package io.gazette.audit;

import io.gazette.auth.Role;
import io.gazette.common.Cursor;
import io.gazette.common.JsonMediaType;
import io.gazette.common.Links;
import io.gazette.common.Page;
import io.gazette.common.PageRequest;
import io.gazette.common.QueryParameters;
import io.gazette.common.QueryStrings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;

/** {@code /api/v1/audit}: every write, newest first, for admins. */
@Path("/api/v1/audit")
@Produces(JsonMediaType.UTF8_VALUE)
@RolesAllowed(Role.ADMIN_NAME)
public class AuditResource {

  private static final String SORT = "-id";

  private final AuditRepository audit;

  public AuditResource(AuditRepository audit) {
    this.audit = audit;
  }

  @GET
  @Transactional(Transactional.TxType.SUPPORTS)
  public Response list(@Context UriInfo uri) {
    QueryParameters parameters =
        new QueryParameters(QueryStrings.parameters(uri), Set.of("limit", "cursor", "page"));
    PageRequest request = PageRequest.parse(parameters, SORT, String::isEmpty);
    int limit = request.limit();
    Integer page = request.page();
    Long before = request.cursor() == null ? null : request.cursor().id();
    List<AuditEntry> rows =
        page != null ? audit.newestPage(page, limit + 1) : audit.newestBefore(before, limit + 1);
    boolean more = rows.size() > limit;
    List<AuditView> items = rows.stream().limit(limit).map(AuditView::of).toList();
    String next = more ? new Cursor(SORT, items.get(items.size() - 1).id(), "").encode() : null;
    Long total = page == null ? null : audit.count();
    Response.ResponseBuilder response =
        Response.ok(new Page<>(items, new Page.Meta(limit, next, total, page)))
            .header(HttpHeaders.CACHE_CONTROL, "no-store");
    if (more) {
      response.header(
          "Link",
          Links.header(
              page != null
                  ? Links.withParameter(uri, "page", page + 1)
                  : Links.withParameter(uri, "cursor", next)));
    }
    return response.build();
  }
}
