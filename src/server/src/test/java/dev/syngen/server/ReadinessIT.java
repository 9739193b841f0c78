package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syngen.io.brokers.NatsServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness follows what the configured targets need: a real nats-server that the test stops and
 * starts again turns the server's readiness DOWN and back UP, through its own named check. The IT
 * server watches targets whose id starts with {@code it-ready-} (see pom.xml).
 */
class ReadinessIT {

  @Test
  void readinessTurnsDownWhileATargetsBrokerIsUnreachableAndUpWhenItReturns(@TempDir Path dir)
      throws Exception {
    Api api = Api.itServer();
    String id = "it-ready-nats-" + UUID.randomUUID().toString().substring(0, 8);
    String check = "target:" + id;
    try (NatsServer nats = new NatsServer(dir.resolve("nats")).start()) {
      Api.Reply created =
          api.admin(
              "POST",
              "api/v1/targets",
              "{\"id\":\"" + id + "\",\"kind\":\"nats\",\"dsn\":\"" + nats.url() + "\"}");
      assertEquals(201, created.status(), created.toString());
      try {
        JsonNode up = awaitCheck(api, check, "UP");
        assertEquals("nats", up.path("data").path("kind").asText(), up.toString());
        assertEquals(
            nats.url().substring("nats://".length()),
            up.path("data").path("endpoint").asText(),
            up.toString());

        nats.stop();
        JsonNode down = awaitCheck(api, check, "DOWN");
        assertTrue(
            down.path("data").path("error").asText().contains("not reachable"), down.toString());
        Api.Reply ready = api.anonymous("GET", "health/ready", null);
        assertEquals(503, ready.status(), ready.toString());
        assertEquals("DOWN", ready.json().path("status").asText());
        assertEquals("UP", status(ready.json(), "history-database"), ready.toString());

        nats.start();
        awaitCheck(api, check, "UP");
        api.awaitReady(Duration.ofSeconds(30));
      } finally {
        assertEquals(204, api.admin("DELETE", "api/v1/targets/" + id, null).status());
      }
    }
    awaitCheck(api, check, "missing"); // a deleted target leaves readiness within the cache period
    api.awaitReady(Duration.ofSeconds(30));
  }

  @Test
  void theHistoryDatabaseIsACheckWithARealQuery() {
    Api api = Api.itServer();
    Api.Reply ready = api.anonymous("GET", "health/ready", null);
    assertEquals(200, ready.status(), ready.toString());
    JsonNode history = find(ready.json(), "history-database");
    assertEquals("UP", history.path("status").asText(), ready.toString());
    assertEquals("derby", history.path("data").path("kind").asText(), history.toString());
    assertFalse(history.path("data").has("error"), history.toString());
  }

  /** Polls readiness until the named check has the status (or is "missing"); returns it. */
  private static JsonNode awaitCheck(Api api, String name, String wanted) {
    JsonNode health =
        Api.await(
            name + " " + wanted,
            Duration.ofSeconds(30),
            Duration.ofMillis(250),
            () -> api.anonymous("GET", "health/ready", null).json(),
            h -> wanted.equals(status(h, name)));
    return find(health, name);
  }

  private static JsonNode find(JsonNode health, String name) {
    for (JsonNode check : health.path("checks")) {
      if (name.equals(check.path("name").asText())) {
        return check;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static String status(JsonNode health, String name) {
    JsonNode c = find(health, name);
    return c.isMissingNode() ? "missing" : c.path("status").asText();
  }
}
