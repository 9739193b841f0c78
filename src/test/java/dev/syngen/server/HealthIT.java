package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Talks to the Liberty server that {@code ./mvnw verify} starts before the integration tests; the
 * build passes its address as the {@code syngen.base.url} system property.
 */
class HealthIT {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static URI baseUrl;

  @BeforeAll
  static void waitUntilReady() throws InterruptedException {
    String configured = System.getProperty("syngen.base.url", "http://localhost:9080");
    baseUrl = URI.create(configured.endsWith("/") ? configured : configured + "/");
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    String lastSeen = "no answer";
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<String> ready = get("health/ready");
        if (ready.statusCode() == 200) {
          return;
        }
        lastSeen = ready.statusCode() + " " + ready.body();
      } catch (IOException e) {
        lastSeen = e.toString();
      }
      Thread.sleep(1000);
    }
    throw new AssertionError(
        baseUrl + "health/ready not UP after " + READY_TIMEOUT + ": " + lastSeen);
  }

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
        HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
