package dev.syngen.server.interfaces.rest;

import dev.syngen.io.llm.LlmCacheTransfer;
import dev.syngen.server.application.llm.LlmCacheService;
import dev.syngen.server.infrastructure.config.SyngenSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The llm_text answer cache shared by the servers of one run-history database: its size, an NDJSON
 * export in the command line's format ({@code syngen llm cache export|import}), and an import.
 */
@Path("llm/cache")
@RequestScoped
@Tag(name = "llm")
public class LlmCacheResource {
  static final String NDJSON = "application/x-ndjson";

  @Inject LlmCacheService cache;
  @Inject SyngenSettings settings;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "How many llm_text answers the shared cache holds")
  public Map<String, Object> info() {
    return Map.of("entries", cache.entries(), "export", "/api/v1/llm/cache/export");
  }

  @GET
  @Path("export")
  @Produces(NDJSON)
  @Operation(
      summary =
          "Every cached answer as NDJSON sorted by key (key, text, model, tokens): never a prompt,"
              + " provider URL or key; syngen llm cache import reads it")
  public Response export() {
    StreamingOutput body =
        out -> {
          BufferedWriter w =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          cache.export(w);
          w.flush();
        };
    return Response.ok(body, NDJSON)
        .header("Content-Disposition", "attachment; filename=\"syngen-llm-cache.ndjson\"")
        .build();
  }

  @POST
  @Path("import")
  @Consumes({NDJSON, MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Add the answers of an export (syngen llm cache export, or GET /llm/cache/export) that"
              + " the cache lacks; every line is checked first, and nothing is added when one is"
              + " bad")
  public Map<String, Object> importFrom(InputStream body) {
    LlmCacheTransfer.Imported r = cache.importFrom(Bodies.read(body, settings.maxBodyBytes()));
    return Map.of("added", r.added(), "present", r.present(), "conflicts", r.conflicts());
  }
}
