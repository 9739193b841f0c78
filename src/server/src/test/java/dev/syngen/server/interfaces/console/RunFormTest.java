package dev.syngen.server.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.server.application.run.RunRequest;
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

  @Test
  void readsBandScalesAndTrafficAndMapsTheirProblemsToTheirFields() {
    RunForm f = new RunForm();
    f.scenario = "chat";
    f.band = " staging ";
    f.scales = "messages=0.5, users=2";
    f.rate = "50k/s";
    f.duration = "30s";
    f.traffic = "burst";
    f.payloadSize = "1KB";
    RunRequest r = f.toRequest();
    assertTrue(r.problems().isEmpty(), r.problems().toString());
    assertEquals("staging", r.band());
    assertEquals(0.5, r.overrides().entityScales().get("messages"));
    assertEquals("50k/s", r.traffic().rate());
    assertEquals("burst", r.traffic().mode());
    assertEquals("1KB", r.traffic().payloadSize());

    f.scales = "messages=lots";
    assertEquals(
        List.of("entity_scales.messages"),
        f.toRequest().problems().stream().map(p -> p.path()).toList());
    assertEquals("scales", RunForm.fieldOf("entity_scales.messages"));
    assertEquals("rate", RunForm.fieldOf("traffic.rate"));
    assertEquals("traffic", RunForm.fieldOf("traffic.mode"));
    assertEquals("band", RunForm.fieldOf("band"));
  }
}
