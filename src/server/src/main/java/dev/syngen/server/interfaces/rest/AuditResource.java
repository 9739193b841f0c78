package dev.syngen.server.interfaces.rest;

import dev.syngen.server.application.audit.AuditService;
import dev.syngen.server.interfaces.view.AuditView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log, newest first; readable by signed-in users (admin or viewer). */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class AuditResource {
  @Inject AuditService audit;

  @GET
  @Operation(summary = "Audit entries, newest first; subject filters, e.g. run:<id> or target:<id>")
  public List<AuditView> list(
      @QueryParam("limit") String limit, @QueryParam("subject") String subject) {
    return audit.newest(QueryLimits.parse(limit, 50, 1000), subject).stream()
        .map(AuditView::of)
        .toList();
  }
}
