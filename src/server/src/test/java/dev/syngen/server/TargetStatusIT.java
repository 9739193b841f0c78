package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Readiness covers what the pod needs; every target's reachability is reported apart, in {@code GET
 * /api/v1/targets/status}, on the dashboard's list and as {@code syngen_target_up}. The IT server
 * requires only targets whose id starts with {@code it-ready-} (see pom.xml).
 */
class TargetStatusIT {

  @Test
  void anUnreachableTargetThatIsNotRequiredIsReportedButLeavesTheServerReady() throws IOException {
    Api api = Api.itServer();
    String id = "it-status-" + UUID.randomUUID().toString().substring(0, 8);
    int closed = closedPort();
    String dsn = "nats://scott:tiger-secret@127.0.0.1:" + closed;
    Api.Reply created =
        api.admin(
            "POST",
            "api/v1/targets",
            "{\"id\":\"" + id + "\",\"kind\":\"nats\",\"dsn\":\"" + dsn + "\"}");
    assertEquals(201, created.status(), created.toString());
    try {
      JsonNode status = awaitStatus(api, id, "down");
      assertEquals("nats", status.path("kind").asText(), status.toString());
      assertEquals("127.0.0.1:" + closed, status.path("endpoint").asText(), status.toString());
      assertFalse(status.path("error").asText().isBlank(), status.toString());
      assertTrue(status.has("latency_ms"), status.toString());
      assertTrue(Instant.parse(status.path("checked_at").asText()).isAfter(Instant.EPOCH));
      assertFalse(status.path("required").asBoolean(), status.toString());
      assertFalse(api.admin("GET", "api/v1/targets/status", null).body().contains("tiger"));

      Api.Reply ready = api.anonymous("GET", "health/ready", null);
      assertEquals(200, ready.status(), ready.toString());
      assertFalse(ready.body().contains(id), "readiness counts only required targets: " + ready);

      String metrics = api.call("GET", "metrics?scope=application", null, null, null, null).body();
      assertTrue(
          metrics
              .lines()
              .anyMatch(
                  l ->
                      l.startsWith("syngen_target_up{")
                          && l.contains("target_id=\"" + id + "\"")
                          && l.matches(".*} 0(\\.0)?$")),
          metrics);
    } finally {
      assertEquals(204, api.admin("DELETE", "api/v1/targets/" + id, null).status());
    }
  }

  @Test
  void theSampleBrokerTargetsAreReportedWithoutMakingAFreshServerNotReady() {
    Api api = Api.itServer();
    Api.Reply list = api.viewer("GET", "api/v1/targets/status", null);
    assertEquals(200, list.status(), list.toString());
    List<String> ids = new ArrayList<>();
    list.json().forEach(t -> ids.add(t.path("id").asText()));
    assertTrue(
        ids.containsAll(List.of("local-kafka", "local-artemis", "local-http")), ids.toString());
    Api.Reply ready = api.anonymous("GET", "health/ready", null);
    assertEquals(200, ready.status(), ready.toString());
    assertTrue(ready.body().contains("\"history-database\""), ready.toString());
    assertTrue(ready.body().contains("\"messaging-engine\""), ready.toString());
    assertFalse(ready.body().contains("target:local-kafka"), ready.toString());
  }

  @Test
  void moreRequiredTargetsThanNamedChecksStillGiveAHealthDocument() {
    Api api = Api.itServer();
    String prefix = "it-ready-many-" + UUID.randomUUID().toString().substring(0, 6) + "-";
    List<String> ids = new ArrayList<>();
    try {
      for (int i = 0; i < 34; i++) {
        String id = prefix + i;
        Api.Reply r =
            api.admin(
                "POST",
                "api/v1/targets",
                "{\"id\":\"" + id + "\",\"kind\":\"csv\",\"dsn\":\"out/it-many\"}");
        assertEquals(201, r.status(), r.toString());
        ids.add(id);
      }
      Api.Reply ready =
          Api.await(
              "readiness to fold the targets beyond the first into targets:more",
              Duration.ofSeconds(30),
              Duration.ofMillis(250),
              () -> api.anonymous("GET", "health/ready", null),
              r -> r.status() != 200 || r.body().contains("targets:more"));
      assertEquals(200, ready.status(), ready.toString());
      assertEquals("UP", ready.json().path("status").asText(), ready.toString());
      assertTrue(ready.body().contains("targets:more"), ready.toString());
      Api.Reply all = api.anonymous("GET", "health", null);
      assertEquals(200, all.status(), all.toString());
    } finally {
      for (String id : ids) {
        api.admin("DELETE", "api/v1/targets/" + id, null);
      }
    }
  }

  private static JsonNode awaitStatus(Api api, String id, String wanted) {
    JsonNode all =
        Api.await(
            id + " " + wanted,
            Duration.ofSeconds(30),
            Duration.ofMillis(250),
            () -> api.viewer("GET", "api/v1/targets/status", null).json(),
            list -> entry(list, id, wanted) != null);
    return entry(all, id, wanted);
  }

  private static JsonNode entry(JsonNode list, String id, String wanted) {
    for (JsonNode t : list) {
      if (id.equals(t.path("id").asText()) && wanted.equals(t.path("status").asText())) {
        return t;
      }
    }
    return null;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
