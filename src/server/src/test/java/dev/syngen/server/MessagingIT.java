package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Liberty's embedded messaging as a run target (targets/local-jms.yaml), read back by the example
 * completeness consumer (the MDB), whose verdict appears on the run.
 */
class MessagingIT {
  private static Api api;

  @BeforeAll
  static void server() {
    api = Api.itServer();
  }

  @Test
  void theEmbeddedEngineAnswersATargetTest() {
    JsonNode test = api.admin("POST", "api/v1/targets/local-jms/test", null).json();
    assertTrue(test.path("ok").asBoolean(), test.toString());
  }

  @Test
  void aRunIntoTheEmbeddedQueueIsVerifiedCompleteByTheConsumer() {
    Api.Reply started =
        api.admin(
            "POST",
            "api/v1/runs",
            "{\"scenario_id\":\"iot-demo\",\"target_id\":\"local-jms\",\"scale\":0.1}");
    assertEquals(202, started.status(), started.toString());
    String id = started.json().path("id").asText();
    JsonNode run = api.awaitFinished(id);
    assertEquals("success", run.path("status").asText(), run.toString());
    Map<String, Long> planned = new HashMap<>();
    run.path("entities")
        .forEach(e -> planned.put(e.path("entity").asText(), e.path("rows_planned").asLong()));
    assertEquals(Map.of("sites", 5L, "devices", 200L, "telemetry", 10_000L), planned);

    JsonNode checks = awaitChecks(id, planned.size(), Duration.ofSeconds(90));
    for (JsonNode c : checks) {
      long rows = planned.get(c.path("entity").asText());
      assertEquals(rows, c.path("expected").asLong(), c.toString());
      assertEquals(rows, c.path("received").asLong(), c.toString());
      assertEquals(0, c.path("duplicates").asLong(), c.toString());
      assertEquals(0, c.path("missing").asLong(), c.toString());
      assertTrue(c.path("complete").asBoolean(), c.toString());
    }
    String log = api.viewer("GET", "api/v1/runs/" + id + "/logs", null).body();
    assertTrue(log.contains("10000 of 10000 rows received, 0 missing, 0 duplicated"), log);
    assertTrue(log.contains("complete, each row exactly once"), log);
  }

  @Test
  void aQueueTheEngineDoesNotHaveFailsTheRunBeforeAnythingIsSent() {
    String id = "it-jms-missing-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Reply created =
        api.admin(
            "POST",
            "api/v1/targets",
            "{\"id\":\""
                + id
                + "\",\"kind\":\"jms\",\"dsn\":\"embedded\","
                + "\"options\":{\"destination\":\"nowhere.{entity}\"}}");
    assertEquals(201, created.status(), created.toString());
    Api.Reply started =
        api.admin(
            "POST",
            "api/v1/runs",
            "{\"scenario_id\":\"iot-demo\",\"target_id\":\"" + id + "\",\"scale\":0.01}");
    JsonNode run = api.awaitFinished(started.json().path("id").asText());
    assertEquals("failed", run.path("status").asText(), run.toString());
    String error = run.path("error").asText();
    assertTrue(error.contains("queue 'nowhere.sites'"), error);
    assertTrue(error.contains("Nothing was sent"), error);
    run.path("entities").forEach(e -> assertEquals(0, e.path("rows_written").asLong()));
    api.admin("DELETE", "api/v1/targets/" + id, null);
  }

  /** Polls the run until the consumer has a complete check of {@code entities} entities. */
  private static JsonNode awaitChecks(String id, int entities, Duration timeout) {
    JsonNode run =
        Api.await(
            "the consumer to verify run " + id,
            timeout,
            Duration.ofMillis(250),
            () -> api.viewer("GET", "api/v1/runs/" + id, null).json(),
            r -> {
              int complete = 0;
              for (JsonNode c : r.path("consumer_checks")) {
                complete += c.path("complete").asBoolean() ? 1 : 0;
              }
              return complete == entities;
            });
    return run.path("consumer_checks");
  }
}
