package dev.syngen.server.interfaces.stream;

import dev.syngen.core.engine.CancelToken;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.server.application.error.ApiException;
import dev.syngen.server.application.stream.StreamLimits;
import dev.syngen.server.application.stream.StreamService;
import dev.syngen.server.interfaces.rest.Bodies;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /api/v1/generate}: streams records of an ad-hoc scenario (inline, by id, or a single
 * inline entity) as chunked NDJSON. The first records leave after the first batch; memory stays
 * constant whatever the count. With llm_text columns, the headers {@code X-Syngen-Llm-Cached} and
 * {@code X-Syngen-Llm-Fallback} count the values read from the LLM cache and written by the
 * columns' fallbacks (nothing is sent to a provider).
 */
@Path("generate")
@RequestScoped
public class GenerateResource {
  static final String NDJSON = "application/x-ndjson";
  static final String PROBLEM = "application/problem+json";

  @Inject StreamService service;
  @Inject StreamLimits limits;
  @Context HttpServletRequest request;

  @Inject
  @ConfigProperty(name = "syngen.generate.max-body-bytes", defaultValue = "1048576")
  int maxBodyBytes;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({NDJSON, PROBLEM})
  public Response generate(InputStream body) {
    String text = Bodies.read(body, maxBodyBytes);
    StreamLimits.Admission admission = limits.admit(request.getRemoteAddr());
    StreamService.Generation generation;
    try {
      generation = service.plan(Bodies.parseJson(text));
    } catch (IllegalArgumentException e) {
      admission.close();
      throw ApiException.notFound(e.getMessage());
    } catch (RuntimeException e) {
      admission.close();
      throw e;
    }
    CompiledPlan plan = generation.plan();
    CancelToken cancel = new CancelToken();
    StreamingOutput out =
        os -> {
          try (admission;
              generation) {
            service.stream(
                plan,
                chunk -> {
                  os.write(chunk);
                  os.flush();
                },
                cancel,
                admission);
          }
        };
    Response.ResponseBuilder ok =
        Response.ok(out, NDJSON)
            .header("X-Syngen-Config-Hash", plan.configHash())
            .header("X-Syngen-Seed", plan.seed());
    if (generation.llm() != null) {
      ok.header("X-Syngen-Llm-Cached", generation.llm().cached())
          .header("X-Syngen-Llm-Fallback", generation.llm().fallback());
    }
    return ok.build();
  }
}
