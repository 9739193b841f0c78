package dev.syngen.server.interfaces.rest;

import dev.syngen.server.application.error.ApiException;
import dev.syngen.server.application.indexgate.IndexGateService;
import dev.syngen.server.application.indexgate.StoredGate;
import dev.syngen.server.infrastructure.config.SyngenSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The query/index gate: measure a query set before and after index DDL on a stored PostgreSQL
 * target (admin), and read the kept decisions and their HTML reports.
 */
@Path("index-gate")
@RequestScoped
@Tag(name = "index-gate")
public class IndexGateResource {
  @Inject IndexGateService gates;
  @Inject SyngenSettings settings;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Run the index gate on a stored PostgreSQL target: body {target, pack | queries + ddl,"
              + " warmup, runs, rollback, analyze, min_improvement, min_sorts_eliminated,"
              + " max_degraded, degraded_by}; GO or NO-GO with the plans before and after")
  public Response run(InputStream body) {
    Object tree = Bodies.parseJson(Bodies.read(body, settings.maxBodyBytes()));
    StoredGate g = gates.run(IndexGateRequestReader.read(tree));
    return Response.ok(g.json(), MediaType.APPLICATION_JSON)
        .location(URI.create("index-gate/" + g.id()))
        .header("Syngen-Verdict", g.verdict())
        .build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The kept index gates, newest first (id, target, verdict, when, who)")
  public List<Map<String, Object>> list() {
    return gates.recent().stream()
        .map(
            g ->
                Map.<String, Object>of(
                    "id", g.id(),
                    "target", g.target(),
                    "verdict", g.verdict(),
                    "created_at", g.createdAt().toString(),
                    "actor", g.actor(),
                    "report", "/api/v1/index-gate/" + g.id() + "/report.html"))
        .toList();
  }

  @GET
  @Path("packs")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The domain packs that ship a PostgreSQL query set and indexes")
  public List<String> packs() {
    return gates.packs();
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "A kept index gate: the decision with both baselines, as JSON")
  public Response show(@PathParam("id") String id) {
    StoredGate g = find(id);
    return Response.ok(g.json(), MediaType.APPLICATION_JSON)
        .header("Syngen-Verdict", g.verdict())
        .build();
  }

  @GET
  @Path("{id}/report.html")
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "A kept index gate as a self-contained HTML page, plans side by side")
  public String html(@PathParam("id") String id) {
    return find(id).html();
  }

  private StoredGate find(String id) {
    return gates
        .find(id)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "no index gate '"
                        + id
                        + "' (the server keeps the newest 20); GET /api/v1/index-gate lists them"));
  }
}
