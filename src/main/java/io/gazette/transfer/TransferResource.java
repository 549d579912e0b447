package io.gazette.transfer;

import io.gazette.audit.Audited;
import io.gazette.auth.Role;
import io.gazette.common.JsonMediaType;
import io.gazette.common.QueryParameters;
import io.gazette.common.QueryStrings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/** Bulk import and export of the whole content as NDJSON, for migrations and backups (admin). */
@Path("/api/v1")
@RolesAllowed(Role.ADMIN_NAME)
public class TransferResource {

  static final String NDJSON = "application/x-ndjson";

  /** An import of a million articles takes minutes; it is still one transaction. */
  private static final int IMPORT_TIMEOUT_SECONDS = 3600;

  private final ImportService importer;
  private final ExportService exporter;

  public TransferResource(ImportService importer, ExportService exporter) {
    this.importer = importer;
    this.exporter = exporter;
  }

  @POST
  @Path("import")
  @Consumes(NDJSON)
  @Produces(JsonMediaType.UTF8_VALUE)
  @Audited(transactionTimeout = IMPORT_TIMEOUT_SECONDS)
  public Response importContent(InputStream body) {
    return Response.ok(importer.run(body)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
  }

  @GET
  @Path("export")
  public Response exportContent(@Context UriInfo uri) {
    QueryParameters.none(QueryStrings.parameters(uri));
    StreamingOutput stream = exporter::write;
    return Response.ok(stream, NDJSON)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("Content-Disposition", "attachment; filename=\"gazette-export.ndjson\"")
        .build();
  }
}
