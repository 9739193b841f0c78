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
 * JSON records carrying its run id, entity and trace id as fields, and no secret.
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
      assertFalse(line.path("ext_traceId").asText().isBlank(), line.toString());
    }
    assertTrue(
        lines.stream().anyMatch(l -> !l.path("ext_entity").asText().isBlank()),
        "entity lines carry the entity: " + lines);
    String all = Files.readString(log);
    assertFalse(all.contains(api.adminPassword()), "no password in the log");
  }

  private static List<JsonNode> runLines(List<String> lines, String runId) {
    return lines.stream()
        .filter(l -> l.startsWith("{") && l.contains(runId))
        .map(LoggingIT::json)
        .filter(n -> runId.equals(n.path("ext_runId").asText()))
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
