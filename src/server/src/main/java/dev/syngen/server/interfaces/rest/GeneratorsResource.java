package dev.syngen.server.interfaces.rest;

import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.server.interfaces.view.GeneratorView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The generator catalogue: every generator a scenario may name, with its parameters. */
@Path("generators")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scenarios")
public class GeneratorsResource {
  @Inject GeneratorRegistry generators;

  @GET
  @Operation(
      summary =
          "List the generators a scenario's generator.type may name, with what each produces and"
              + " its parameter names")
  public List<GeneratorView> list() {
    return generators.all().stream().map(GeneratorView::of).toList();
  }
}
