package dev.syngen.server.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.llm.LlmService;
import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.sink.TableMode;
import dev.syngen.server.application.run.RunRequest;
import jakarta.json.stream.JsonParsingException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A JSON body read through the one run request reader, as {@code POST /runs} reads it. */
class RunRequestReadTest {
  private RunRequest read(String json) {
    return RunRequest.read(Bodies.parseJson(json), 16, tree -> "{\"json\":true}");
  }

  private static List<String> paths(RunRequest r) {
    return r.problems().stream().map(Problem::path).toList();
  }

  @Test
  void aCompleteRequestIsRead() {
    RunRequest r =
        read(
            """
            {"scenario_id": "iot-demo", "target_id": "local-csv", "seed": 12,
             "as_of": "2026-01-01T00:00:00Z", "scale": 0.5, "entity_scales": {"devices": 2},
             "entity_counts": {"sites": 7}, "include_entities": ["sites", "devices"],
             "exclude_entities": [], "mode": "truncate", "parallelism": 4}
            """);

    assertEquals(List.of(), r.problems());
    assertEquals("iot-demo", r.scenarioId());
    assertEquals("local-csv", r.targetId());
    assertEquals(12L, r.overrides().seed());
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), r.overrides().asOf());
    assertEquals(0.5, r.overrides().scale());
    assertEquals(Map.of("devices", 2.0), r.overrides().entityScales());
    assertEquals(Map.of("sites", 7L), r.overrides().entityCounts());
    assertEquals(List.of("sites", "devices"), r.overrides().includeEntities());
    assertEquals(TableMode.TRUNCATE_THEN_INSERT, r.mode());
    assertEquals(4, r.parallelism());
  }

  @Test
  void theLlmModeIsOnlineUnlessTheRequestSaysOffline() {
    assertEquals(LlmService.Mode.ONLINE, read("{\"scenario_id\": \"a\"}").llm());
    assertEquals(
        LlmService.Mode.OFFLINE, read("{\"scenario_id\": \"a\", \"llm\": \"offline\"}").llm());
    RunRequest bad = read("{\"scenario_id\": \"a\", \"llm\": \"sometimes\"}");
    assertEquals(List.of("llm"), paths(bad));
    assertTrue(bad.problems().get(0).fix().contains("online"), bad.problems().toString());
    assertEquals(List.of("llm"), paths(read("{\"scenario_id\": \"a\", \"llm\": 1}")));
  }

  @Test
  void everyWrongFieldIsAProblemAtItsPath() {
    RunRequest r =
        read(
            """
            {"scenario_id": "../etc", "seed": 1.5, "as_of": "yesterday", "scale": "big",
             "entity_counts": {"a": "x", "b": 99999999999999999999}, "include_entities": [1],
             "mode": "overwrite", "parallelism": 17, "colour": "red"}
            """);

    assertEquals(
        List.of(
            "colour",
            "scenario_id",
            "seed",
            "as_of",
            "scale",
            "entity_counts.a",
            "entity_counts.b",
            "include_entities[0]",
            "mode",
            "parallelism"),
        paths(r));
    assertNull(r.parallelism());
    assertTrue(r.problems().get(0).fix().contains("scenario_id"), r.problems().toString());
  }

  @Test
  void anInlineScenarioObjectIsKeptAsJsonTextAndAnInlineTargetIsChecked() {
    RunRequest r =
        read("{\"scenario\": {\"id\": \"x\"}, \"target\": {\"kind\": \"csv\", \"nope\": 1}}");

    assertEquals("{\"json\":true}", r.scenarioDocument());
    assertEquals(List.of("target.nope", "target.dsn"), paths(r));
  }

  @Test
  void aBodyThatIsNotAnObjectIsRefused() {
    ValidationException e = assertThrows(ValidationException.class, () -> read("[1, 2]"));
    assertEquals("(body)", e.problems().get(0).path());
    assertThrows(JsonParsingException.class, () -> read("{\"seed\": "));
    assertThrows(JsonParsingException.class, () -> read("  "));
  }
}
