package dev.syngen.server.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Tells a client which application and version it is talking to. */
@Path("info")
@ApplicationScoped
public class InfoResource {

  /** The body of {@code GET /api/v1/info}. */
  public record Info(String name, String version) {}

  @Inject
  @ConfigProperty(name = "syngen.version")
  String version;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Info info() {
    return new Info("syngen", version);
  }
}
