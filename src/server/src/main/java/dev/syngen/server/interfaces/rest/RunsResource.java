package dev.syngen.server.interfaces.rest;

import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunStatus;
import dev.syngen.server.application.error.ApiException;
import dev.syngen.server.application.messaging.ConsumerVerification;
import dev.syngen.server.application.run.RunRequest;
import dev.syngen.server.application.run.RunService;
import dev.syngen.server.infrastructure.config.SyngenSettings;
import dev.syngen.server.interfaces.view.LlmUsageView;
import dev.syngen.server.interfaces.view.PlanView;
import dev.syngen.server.interfaces.view.RunLogView;
import dev.syngen.server.interfaces.view.RunView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Runs: plan, start, list, show, logs, cancel, restart, rerun. */
@Path("runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "runs")
public class RunsResource {
  private static final int MAX_LIMIT = 1000;

  @Inject RunService runs;
  @Inject ConsumerVerification consumer;
  @Inject SyngenSettings settings;
  @Inject JsonbConfigProvider json;
  @Inject Clock clock;
  @Context UriInfo uri;

  @POST
  @Path("plan")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Validate a run request and show its plan; nothing is written")
  public PlanView plan(InputStream body) {
    return PlanView.of(runs.plan(read(body)));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Start a run; 202 with the run and its Location")
  public Response start(InputStream body) {
    return accepted(runs.start(read(body)));
  }

  @GET
  @Operation(summary = "List runs, newest first")
  public List<RunView> list(
      @QueryParam("limit") String limit, @QueryParam("status") String status) {
    return runs.list(QueryLimits.parse(limit, 20, MAX_LIMIT), status(status)).stream()
        .map(this::view)
        .toList();
  }

  @GET
  @Path("{id}")
  @Operation(
      summary =
          "Show a run: status, seed, as_of, config hash, stats, progress, error, the example"
              + " consumer's checks, the LLM usage of its llm_text columns and, for a batch run, each"
              + " partition's rows and the server that wrote it")
  public RunView get(@PathParam("id") String id) {
    return RunView.of(
        runs.get(id),
        clock.instant(),
        consumer.checksOf(id),
        runs.llmUsage(id).map(LlmUsageView::of).orElse(null),
        runs.partitions(id));
  }

  @GET
  @Path("{id}/logs")
  @Operation(summary = "A run's log, newest first")
  public List<RunLogView> logs(@PathParam("id") String id, @QueryParam("limit") String limit) {
    return runs.logs(id, QueryLimits.parse(limit, 100, MAX_LIMIT)).stream()
        .map(RunLogView::of)
        .toList();
  }

  @POST
  @Path("{id}/cancel")
  @Operation(summary = "Cancel a run; 200 once stopped, 202 while it is still stopping")
  public Response cancel(@PathParam("id") String id) {
    RunRecord r = runs.cancel(id);
    boolean stopped = r.status() != RunStatus.RUNNING && r.status() != RunStatus.PENDING;
    return Response.status(stopped ? 200 : 202).entity(view(r)).build();
  }

  @POST
  @Path("{id}/restart")
  @Operation(summary = "Resume a failed, cancelled or interrupted run where it stopped")
  public Response restart(@PathParam("id") String id) {
    return accepted(runs.restart(id));
  }

  @POST
  @Path("{id}/rerun")
  @Operation(summary = "Start a new run with identical seed, as_of, config and target")
  public Response rerun(@PathParam("id") String id) {
    return accepted(runs.rerun(id));
  }

  private Response accepted(RunRecord r) {
    return Response.accepted(view(r))
        .header(HttpHeaders.LOCATION, Locations.of(uri, "runs", r.id()))
        .build();
  }

  private RunView view(RunRecord r) {
    return RunView.of(r, clock.instant());
  }

  private RunRequest read(InputStream body) {
    Object tree = Bodies.parseJson(Bodies.read(body, settings.maxBodyBytes()));
    return RunRequest.read(tree, settings.maxParallelism(), json.jsonb()::toJson);
  }

  private static RunStatus status(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return RunStatus.parse(status);
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          400,
          "Bad Request",
          "status '" + status + "' is unknown; use pending, running, success, failed or cancelled");
    }
  }
}
