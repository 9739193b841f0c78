package dev.syngen.server.interfaces.rest;

import dev.syngen.core.fidelity.Band;
import dev.syngen.core.fidelity.FidelityValidator.Options;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.problem.TreeReader;
import dev.syngen.server.application.error.ApiException;
import dev.syngen.server.application.fidelity.FidelityRequest;
import dev.syngen.server.application.fidelity.RunFidelityService;
import dev.syngen.server.application.fidelity.StoredFidelity;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A run's fidelity: check its data against the scenario (GO or NO-GO), and read the newest report
 * as JSON or as an HTML page with a chart per column.
 */
@Path("runs/{id}/fidelity")
@RequestScoped
@Tag(name = "runs")
public class FidelityResource {
  private static final List<String> FIELDS = List.of("tolerance", "alpha", "sample");

  @Inject RunFidelityService fidelity;
  @Inject SyngenSettings settings;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Check a run's data against its scenario: KS, chi-square, percentile, share and"
              + " integrity checks, GO or NO-GO; body (optional): tolerance, alpha, sample")
  public Response check(@PathParam("id") String id, InputStream body) {
    StoredFidelity report = fidelity.check(id, read(body));
    return Response.ok(report.json(), MediaType.APPLICATION_JSON)
        .header("Syngen-Verdict", report.verdict())
        .build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The newest fidelity report of a run, as JSON")
  public Response latest(@PathParam("id") String id) {
    StoredFidelity report = newest(id);
    return Response.ok(report.json(), MediaType.APPLICATION_JSON)
        .header("Syngen-Verdict", report.verdict())
        .build();
  }

  @GET
  @Path("report.html")
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "The newest fidelity report of a run, as a self-contained HTML page")
  public String html(@PathParam("id") String id) {
    return newest(id).html();
  }

  private StoredFidelity newest(String id) {
    return fidelity
        .latest(id)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "run "
                        + id
                        + " has no fidelity report yet; POST /api/v1/runs/"
                        + id
                        + "/fidelity checks it"));
  }

  private FidelityRequest read(InputStream body) {
    String text = body == null ? "" : Bodies.read(body, settings.maxBodyBytes());
    if (text.isBlank()) {
      return FidelityRequest.DEFAULT;
    }
    Problems problems = new Problems();
    if (!(Bodies.parseJson(text) instanceof Map<?, ?> m)) {
      problems.add(
          "(body)", "must be a JSON object", "send {\"tolerance\": \"strict\"} or nothing");
      problems.throwIfAny("fidelity request");
      return null;
    }
    TreeReader r = new TreeReader(problems);
    Map<String, Object> fields = r.object(m, "(body)", "", "");
    r.onlyKeys(fields, FIELDS, "");
    FidelityRequest d = FidelityRequest.DEFAULT;
    Band band = d.tolerance();
    Object t = m.get("tolerance");
    if (t != null) {
      band = Band.parse(String.valueOf(t)).orElse(null);
      if (band == null) {
        problems.add(
            "tolerance",
            "unknown tolerance '" + t + "'",
            "use strict (5%), normal (15%) or relaxed (30%)");
      }
    }
    Double alpha =
        m.get("alpha") == null ? Double.valueOf(d.alpha()) : r.number(m.get("alpha"), "alpha");
    if (alpha != null && !(alpha > 0 && alpha < Options.MAX_ALPHA)) {
      problems.add(
          "alpha",
          "must be a number between 0 and " + Options.MAX_ALPHA + ", got " + m.get("alpha"),
          "write e.g. 0.01");
    }
    Long sample =
        m.get("sample") == null ? Long.valueOf(d.sampleRows()) : r.whole(m.get("sample"), "sample");
    if (sample != null && (sample < Options.MIN_SAMPLE_ROWS || sample > Options.MAX_SAMPLE_ROWS)) {
      problems.add(
          "sample",
          "must be a whole number of rows between "
              + Options.MIN_SAMPLE_ROWS
              + " and "
              + Options.MAX_SAMPLE_ROWS
              + ", got "
              + m.get("sample"),
          "write e.g. 20000");
    }
    problems.throwIfAny("fidelity request");
    return new FidelityRequest(band, alpha, sample.intValue());
  }
}
