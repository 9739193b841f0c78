package dev.syngen.server.interfaces.stream;

import dev.syngen.core.engine.CancelToken;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.server.application.error.ApiException;
import dev.syngen.server.application.stream.StreamService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /api/v1/generate}: streams records of an ad-hoc scenario (inline, by id, or a single
 * inline entity) as chunked NDJSON. The first records leave after the first batch; memory stays
 * constant whatever the count.
 */
@Path("generate")
@RequestScoped
public class GenerateResource {
  static final String NDJSON = "application/x-ndjson";
  static final String PROBLEM = "application/problem+json";

  @Inject StreamService service;

  @Inject
  @ConfigProperty(name = "syngen.generate.max-body-bytes", defaultValue = "1048576")
  int maxBodyBytes;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({NDJSON, PROBLEM})
  public Response generate(InputStream body) throws IOException {
    byte[] bytes = body.readNBytes(maxBodyBytes + 1);
    if (bytes.length > maxBodyBytes) {
      throw new ApiException(
          413,
          "Payload Too Large",
          "the body is larger than " + maxBodyBytes + " bytes; send a smaller scenario");
    }
    CompiledPlan plan;
    try {
      plan = service.plan(parse(bytes));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound(e.getMessage());
    }
    CancelToken cancel = new CancelToken();
    StreamingOutput out =
        os ->
            service.stream(
                plan,
                chunk -> {
                  os.write(chunk);
                  os.flush();
                },
                cancel);
    return Response.ok(out, NDJSON)
        .header("X-Syngen-Config-Hash", plan.configHash())
        .header("X-Syngen-Seed", plan.seed())
        .build();
  }

  /**
   * The body as a JSON tree. Invalid JSON is a 400 and invalid content (a ValidationException from
   * planning) a 422, both as problem details from the API's ProblemMapper, like every other call.
   */
  private static Object parse(byte[] bytes) {
    try (Jsonb jsonb = JsonbBuilder.create()) {
      return jsonb.fromJson(new String(bytes, StandardCharsets.UTF_8), Object.class);
    } catch (JsonbException e) {
      throw e;
    } catch (Exception e) {
      throw new ApiException(400, "Malformed request body", "the body could not be read as JSON");
    }
  }
}
