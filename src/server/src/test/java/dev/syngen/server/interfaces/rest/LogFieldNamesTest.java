package dev.syngen.server.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syngen.server.interfaces.view.AuditView;
import dev.syngen.server.interfaces.view.CorpusView;
import dev.syngen.server.interfaces.view.RunLogView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The run log, the audit log and a corpus's history answer with the log schema's names ({@code
 * timestamp}, {@code user}, {@code trace_id}), first, and the deprecated names of earlier versions
 * after them (by name), holding the same values.
 */
class LogFieldNamesTest {
  private static final Instant T = Instant.parse("2026-12-03T19:02:39.307Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aRunLogLineHasTheSchemasNamesAndTimeAsADeprecatedAlias() throws Exception {
    JsonNode line = json(new RunLogView(T, "INFO", "orders", "wrote 5 rows", "4bf9"));
    assertEquals(
        List.of("timestamp", "level", "entity", "message", "trace_id", "time"), names(line));
    assertEquals("2026-12-03T19:02:39.307Z", line.path("timestamp").asText());
    assertEquals(line.path("timestamp"), line.path("time"));
  }

  @Test
  void anAuditEntryHasTheSchemasNamesAndTimeAndActorAsDeprecatedAliases() throws Exception {
    JsonNode entry = json(new AuditView(T, "admin", "run.start", "run:r1", "scenario x", "4bf9"));
    assertEquals(
        List.of("timestamp", "user", "action", "subject", "details", "trace_id", "actor", "time"),
        names(entry));
    assertEquals("admin", entry.path("user").asText());
    assertEquals(entry.path("user"), entry.path("actor"));
    assertEquals(entry.path("timestamp"), entry.path("time"));
  }

  @Test
  void aCorpusHistoryStepHasTheSchemasNamesAndAtAndActorAsDeprecatedAliases() throws Exception {
    JsonNode step = json(new CorpusView.Step(T, "admin", "corpus.ready", "4 values"));
    assertEquals(List.of("timestamp", "user", "action", "detail", "actor", "at"), names(step));
    assertEquals(step.path("timestamp"), step.path("at"));
    assertEquals("admin", step.path("actor").asText());
  }

  private static JsonNode json(Object view) throws Exception {
    return JSON.readTree(new JsonbConfigProvider().jsonb().toJson(view));
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
