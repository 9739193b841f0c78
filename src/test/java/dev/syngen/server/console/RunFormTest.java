package dev.syngen.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.server.run.RunRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunFormTest {
  @Test
  void readsEveryFieldIntoTheRequest() {
    RunForm f = new RunForm();
    f.scenario = "iot-demo";
    f.target = "local-csv";
    f.seed = " 42 ";
    f.asOf = "2025-01-01T00:00:00Z";
    f.scale = "0.5";
    f.counts = "devices=10\nreadings=100";
    f.include = "devices, readings";
    f.mode = "truncate";
    RunRequest r = f.toRequest();
    assertTrue(r.problems().isEmpty(), r.problems().toString());
    assertEquals(42L, r.overrides().seed());
    assertEquals(0.5, r.overrides().scale());
    assertEquals(100L, r.overrides().entityCounts().get("readings"));
    assertEquals(List.of("devices", "readings"), r.overrides().includeEntities());
  }

  @Test
  void textThatDoesNotParseIsAProblemOnItsField() {
    RunForm f = new RunForm();
    f.scenario = "iot-demo";
    f.seed = "abc";
    f.asOf = "yesterday";
    f.counts = "devices";
    RunRequest r = f.toRequest();
    assertEquals(
        List.of("seed", "as_of", "entity_counts"),
        r.problems().stream().map(p -> p.path()).toList());
    assertEquals("asOf", RunForm.fieldOf("as_of"));
    assertEquals("counts", RunForm.fieldOf("entity_counts.devices"));
    assertNull(RunForm.fieldOf("parallelism"));
  }
}
