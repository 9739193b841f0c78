package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The IT server logs JSON, as the container does (SYNGEN_LOG_FORMAT=json): a run's log lines are
 * JSON records in the log schema (docs/logging.md) carrying its run id, scenario, target kind,
 * entity, trace id, rows and latency as fields, the run's audit entry is a line with its user and
 * action, and no line carries a secret.
 */
class LoggingIT {

  @Test
  void aRunWritesJsonLogLinesWithItsRunIdEntityAndTraceId() throws IOException {
    Api api = Api.itServer();
    String target = api.createCsvTarget();
    Api.Reply started =
        api.admin(
            "POST",
            "api/v1/runs",
            "{\"scenario_id\":\"iot-demo\",\"target_id\":\"" + target + "\",\"scale\":0.05}");
    assertEquals(202, started.status(), started.toString());
    String id = started.json().path("id").asText();
    assertEquals("success", api.awaitFinished(id).path("status").asText());

    Path log =
        Path.of(System.getProperty("syngen.it.server.dir", "target")).resolve("logs/messages.log");
    List<JsonNode> lines = runLines(Files.readAllLines(log), id);
    assertTrue(lines.size() >= 3, "start, entity and outcome lines: " + lines);
    for (JsonNode line : lines) {
      assertEquals("liberty_message", line.path("type").asText(), line.toString());
      assertEquals("dev.syngen.run", line.path("module").asText(), line.toString());
      assertEquals(32, line.path("trace_id").asText().length(), line.toString());
      assertFalse(line.path("timestamp").asText().isBlank(), line.toString());
      assertFalse(line.path("event_id").asText().isBlank(), line.toString());
    }
    assertTrue(
        lines.stream().anyMatch(l -> l.path("entity").asText().equals("telemetry")),
        "entity lines carry the entity: " + lines);
    for (JsonNode line : lines) {
      if (!line.path("entity").asText().isBlank()) {
        assertEquals("iot-demo", line.path("scenario_id").asText(), line.toString());
        assertEquals("csv", line.path("target_kind").asText(), line.toString());
      }
    }
    JsonNode outcome = lines.get(lines.size() - 1);
    assertEquals("iot-demo", outcome.path("scenario_id").asText(), outcome.toString());
    assertEquals("csv", outcome.path("target_kind").asText(), outcome.toString());
    assertTrue(outcome.path("rows").isNumber(), outcome.toString());
    assertTrue(outcome.path("rows").asLong() > 0, outcome.toString());
    assertTrue(outcome.path("latency_ms").isNumber(), outcome.toString());
    assertTrue(outcome.path("heap_mb").asLong() > 0, outcome.toString());
    assertTrue(outcome.path("cpu_ms").isNumber(), outcome.toString());
    assertEquals(
        lines.size(),
        lines.stream().map(l -> l.path("event_id").asText()).distinct().count(),
        "every line has its own event id");
    List<JsonNode> audit =
        Files.readAllLines(log).stream()
            .filter(l -> l.startsWith("{") && l.contains(id))
            .map(LoggingIT::json)
            .filter(n -> "dev.syngen.audit".equals(n.path("module").asText()))
            .toList();
    assertEquals(1, audit.size(), "the run's start is one audit line: " + audit);
    assertEquals("admin", audit.get(0).path("user").asText(), audit.toString());
    assertEquals("run.start", audit.get(0).path("action").asText(), audit.toString());
    assertEquals(id, audit.get(0).path("run_id").asText(), audit.toString());
    assertEquals(lines.get(0).path("trace_id"), audit.get(0).path("trace_id"));
    assertFalse(audit.get(0).path("request_id").asText().isBlank(), audit.toString());
    String all = Files.readString(log);
    assertFalse(all.contains(api.adminPassword()), "no password in the log");
  }

  private static List<JsonNode> runLines(List<String> lines, String runId) {
    return lines.stream()
        .filter(l -> l.startsWith("{") && l.contains(runId))
        .map(LoggingIT::json)
        .filter(n -> "dev.syngen.run".equals(n.path("module").asText()))
        .filter(n -> runId.equals(n.path("run_id").asText()))
        .toList();
  }

  private static JsonNode json(String line) {
    try {
      return Api.JSON.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not a JSON log line: " + line, e);
    }
  }
}
