package dev.syngen.server.interfaces.rest;

import dev.syngen.server.application.error.ApiException;
import dev.syngen.server.application.scenario.DraftOutcome;
import dev.syngen.server.application.scenario.ScenarioCatalog;
import dev.syngen.server.application.scenario.ScenarioDrafts;
import dev.syngen.server.application.scenario.ScenarioValidator;
import dev.syngen.server.infrastructure.config.SyngenSettings;
import dev.syngen.server.interfaces.view.ScenarioView;
import dev.syngen.server.interfaces.view.ValidationView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The scenario catalogue and scenario validation. */
@Path("scenarios")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scenarios")
public class ScenariosResource {
  @Inject ScenarioCatalog catalog;
  @Inject ScenarioValidator validator;
  @Inject SyngenSettings settings;
  @Inject ScenarioDrafts drafts;

  @GET
  @Operation(summary = "List the scenarios of the scenarios directory, with their validity")
  public List<ScenarioView> list() {
    return catalog.list().stream().map(ScenarioView::summary).toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Show one scenario with its YAML document and any problems")
  public ScenarioView get(@PathParam("id") String id) {
    return catalog
        .find(id)
        .map(ScenarioView::full)
        .orElseThrow(() -> ApiException.notFound("no scenario '" + id + "'"));
  }

  @POST
  @Path("validate")
  @Consumes({
    MediaType.APPLICATION_JSON,
    "application/yaml",
    "application/x-yaml",
    "text/yaml",
    "text/x-yaml",
    MediaType.TEXT_PLAIN
  })
  @Operation(summary = "Validate a scenario (YAML or JSON) and return every problem with its path")
  public ValidationView validate(InputStream body) {
    return ValidationView.of(validator.check(Bodies.read(body, settings.maxBodyBytes())));
  }

  @POST
  @Path("draft")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Draft a scenario from the schema behind a configured postgres or sqlite target (admin):"
              + " body {target, schema, include, exclude, sample, k, on_unknown, id, save,"
              + " overwrite}; answers the YAML, the tables read, notes and the copy's DDL")
  public Response draft(InputStream body) {
    DraftBody b = DraftBody.read(Bodies.read(body, settings.maxBodyBytes()));
    DraftOutcome outcome = drafts.draft(b.target(), b.request(), b.save(), b.overwrite());
    return Response.status(outcome.savedAs() == null ? 200 : 201).entity(outcome).build();
  }
}
