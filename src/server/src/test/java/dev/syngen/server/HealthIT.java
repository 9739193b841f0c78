package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Health and info of the Liberty server that {@code ./mvnw verify} starts, through a typed client
 * ({@link ApiClients}).
 */
class HealthIT {
  /** The endpoints this test reads, anonymously. */
  @Produces(MediaType.APPLICATION_JSON)
  interface Endpoints {
    @GET
    @Path("health/ready")
    Response ready();

    @GET
    @Path("health/live")
    Response live();

    @GET
    @Path("api/v1/info")
    Response info();
  }

  private static Endpoints server;

  @BeforeAll
  static void server() {
    Api.itServer();
    server = ApiClients.anonymous(Endpoints.class);
  }

  @Test
  void readinessIsUpAndReportsTheEngineCheck() throws IOException {
    Response response = server.ready();
    String body = response.readEntity(String.class);

    assertEquals(200, response.getStatus(), body);
    JsonNode health = json(body);
    assertEquals("UP", health.path("status").asText(), body);
    assertEquals("UP", checkStatus(health, "EngineReadinessCheck"), body);
  }

  @Test
  void livenessIsUpAndReportsTheHeapCheck() throws IOException {
    Response response = server.live();
    String body = response.readEntity(String.class);

    assertEquals(200, response.getStatus(), body);
    JsonNode health = json(body);
    assertEquals("UP", health.path("status").asText(), body);
    assertEquals("UP", checkStatus(health, "HeapLivenessCheck"), body);
  }

  @Test
  void infoNamesTheApplicationAndItsVersion() throws IOException {
    Response response = server.info();
    String body = response.readEntity(String.class);

    assertEquals(200, response.getStatus(), body);
    String contentType = response.getHeaderString("Content-Type");
    assertTrue(
        contentType != null && contentType.startsWith("application/json"),
        response.getHeaders().toString());
    JsonNode info = json(body);
    assertEquals("syngen", info.path("name").asText(), body);
    String version = info.path("version").asText();
    assertFalse(version.isBlank() || version.contains("${"), body);
    String expectedVersion = System.getProperty("syngen.version");
    if (expectedVersion != null) {
      assertEquals(expectedVersion, version, body);
    }
  }

  private static String checkStatus(JsonNode health, String name) {
    for (JsonNode check : health.path("checks")) {
      if (name.equals(check.path("name").asText())) {
        return check.path("status").asText();
      }
    }
    return "missing";
  }

  private static JsonNode json(String body) throws IOException {
    return Api.JSON.readTree(body);
  }
}
