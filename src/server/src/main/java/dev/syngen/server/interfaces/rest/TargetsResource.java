package dev.syngen.server.interfaces.rest;

import dev.syngen.core.problem.Problems;
import dev.syngen.server.application.target.TargetService;
import dev.syngen.server.application.target.TargetSpec;
import dev.syngen.server.application.target.TargetSpecs;
import dev.syngen.server.infrastructure.config.SyngenSettings;
import dev.syngen.server.infrastructure.health.DependencyStatus;
import dev.syngen.server.interfaces.view.TargetStatusView;
import dev.syngen.server.interfaces.view.TargetTestView;
import dev.syngen.server.interfaces.view.TargetView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Target profiles: list, create, show, replace, delete, test. DSNs are always redacted. */
@Path("targets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "targets")
public class TargetsResource {
  @Inject TargetService targets;
  @Inject SyngenSettings settings;
  @Inject DependencyStatus dependencies;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "List targets")
  public List<TargetView> list() {
    return targets.list().stream().map(TargetView::of).toList();
  }

  @GET
  @Path("status")
  @Operation(
      summary =
          "Reachability of every target: id, kind, endpoint, up/down, latency, error, checked_at"
              + " and whether readiness counts it (syngen.health.targets)")
  public List<TargetStatusView> status() {
    return dependencies.targets().stream()
        .map(d -> TargetStatusView.of(d, dependencies.required(d.targetId())))
        .toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a target: {id, name, kind, dsn, schema, options}")
  public Response create(InputStream body) {
    TargetSpec spec = read(body, null);
    TargetView created = TargetView.of(targets.create(spec));
    return Response.status(Response.Status.CREATED)
        .header(HttpHeaders.LOCATION, Locations.of(uri, "targets", created.id()))
        .entity(created)
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Show a target")
  public TargetView get(@PathParam("id") String id) {
    return TargetView.of(targets.get(id));
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace a target's definition")
  public TargetView update(@PathParam("id") String id, InputStream body) {
    return TargetView.of(targets.update(id, read(body, id)));
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete a target (runs keep their own copy)")
  public Response delete(@PathParam("id") String id) {
    targets.delete(id);
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/test")
  @Operation(summary = "Connect and report latency, server version and capabilities")
  public TargetTestView test(@PathParam("id") String id) {
    return TargetTestView.of(targets.test(id));
  }

  /** The body as a target; with {@code pathId}, a body id must match it. */
  private TargetSpec read(InputStream body, String pathId) {
    Object tree = Bodies.parseJson(Bodies.read(body, settings.maxBodyBytes()));
    Problems problems = new Problems();
    if (pathId != null
        && tree instanceof Map<?, ?> m
        && m.get("id") != null
        && !pathId.equals(String.valueOf(m.get("id")))) {
      problems.add(
          "id",
          "'" + m.get("id") + "' differs from the id in the URL '" + pathId + "'",
          "leave id out or make it match");
    }
    TargetSpec spec = TargetSpecs.fromTree(tree, pathId, problems);
    problems.throwIfAny("target");
    return spec;
  }
}
