package dev.syngen.server.interfaces.rest;

import dev.syngen.server.application.llm.LlmProviderService;
import dev.syngen.server.interfaces.view.LlmProviderView;
import dev.syngen.server.interfaces.view.LlmTestView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** LLM provider profiles: list (keys never shown) and test one with a tiny request. */
@Path("llm/providers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "llm")
public class LlmResource {
  @Inject LlmProviderService providers;

  @GET
  @Operation(
      summary =
          "List the LLM provider profiles: model, base URL host, limits, prices and whether the"
              + " key variable is set")
  public List<LlmProviderView> list() {
    return providers.list().stream().map(LlmProviderView::of).toList();
  }

  @POST
  @Path("{id}/test")
  @Operation(summary = "Send one tiny request to a provider; report model, latency and tokens")
  public LlmTestView test(@PathParam("id") String id) {
    return LlmTestView.of(id, providers.test(id));
  }
}
