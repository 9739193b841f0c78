package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Health and info of the Liberty server that {@code ./mvnw verify} starts (see {@link ItServer}).
 */
class HealthIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readinessIsUpAndReportsTheEngineCheck() throws Exception {
    HttpResponse<String> response = get("health/ready");

    assertEquals(200, response.statusCode(), response.body());
    JsonNode health = JSON.readTree(response.body());
    assertEquals("UP", health.path("status").asText(), response.body());
    assertEquals("UP", checkStatus(health, "EngineReadinessCheck"), response.body());
  }

  @Test
  void livenessIsUpAndReportsTheHeapCheck() throws Exception {
    HttpResponse<String> response = get("health/live");

    assertEquals(200, response.statusCode(), response.body());
    JsonNode health = JSON.readTree(response.body());
    assertEquals("UP", health.path("status").asText(), response.body());
    assertEquals("UP", checkStatus(health, "HeapLivenessCheck"), response.body());
  }

  @Test
  void infoNamesTheApplicationAndItsVersion() throws Exception {
    HttpResponse<String> response = get("api/v1/info");

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        response.headers().toString());
    JsonNode info = JSON.readTree(response.body());
    assertEquals("syngen", info.path("name").asText(), response.body());
    String version = info.path("version").asText();
    assertFalse(version.isBlank() || version.contains("${"), response.body());
    String expectedVersion = System.getProperty("syngen.version");
    if (expectedVersion != null) {
      assertEquals(expectedVersion, version, response.body());
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

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(ItServer.baseUrl().resolve(path))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    return ItServer.CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
