package dev.syngen.server.application.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.llm.LlmBudget;
import dev.syngen.core.llm.LlmService;
import dev.syngen.core.llm.LlmUsage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunLlmUsageTest {
  private static LlmUsage.Summary sent(long requests, double cost, double p50) {
    return new LlmUsage.Summary(
        requests, 2, 1, 10 * requests, 20 * requests, cost, p50, p50, 0, p50);
  }

  @Test
  void aRestartKeepsTheCapsAndCountsOnFromWhatEarlierExecutionsSpent() {
    RunLlmUsage earlier =
        new RunLlmUsage(
            LlmService.Mode.ONLINE,
            sent(24, 0.25, 40),
            Map.of("primary", sent(24, 0.25, 40)),
            new RunLlmUsage.Caps(50L, 1.0, 30, 0.25));
    LlmBudget resumed = earlier.resumedBudget();
    assertEquals(50, resumed.maxRequests());
    assertEquals(1.0, resumed.maxCost());
    assertEquals(
        30, resumed.requests(), "every request sent counts, also the 6 that got no answer");
    assertEquals(0.25, resumed.spent(), 1e-12);
    LlmBudget rerun = earlier.freshBudget();
    assertEquals(50, rerun.maxRequests(), "a rerun has the same caps");
    assertEquals(0, rerun.requests(), "and starts from nothing spent");
  }

  @Test
  void aRunWithoutCapsResumesUnlimited() {
    RunLlmUsage earlier = new RunLlmUsage(LlmService.Mode.ONLINE, sent(3, 0.1, 5), Map.of(), null);
    assertFalse(earlier.resumedBudget().capped());
    assertNull(RunLlmUsage.Caps.of(LlmBudget.unlimited()));
    RunLlmUsage.Caps onlyCost = RunLlmUsage.Caps.of(LlmBudget.resumed(Long.MAX_VALUE, 2.5, 3, 0.5));
    assertNull(onlyCost.maxRequests());
    assertEquals(3, onlyCost.sentRequests());
    assertEquals(0.5, onlyCost.spentCost());
    assertEquals(2.5, onlyCost.maxCost());
  }

  @Test
  void theStoredUsageOfARestartedRunSumsItsExecutions() {
    RunLlmUsage earlier =
        new RunLlmUsage(
            LlmService.Mode.ONLINE,
            sent(30, 0.25, 40),
            Map.of("primary", sent(30, 0.25, 40)),
            new RunLlmUsage.Caps(50L, null, 30, 0.25));
    LlmUsage none = new LlmUsage();
    RunLlmUsage after =
        RunLlmUsage.of(LlmService.Mode.ONLINE, none, LlmBudget.unlimited(), earlier);
    assertEquals(30, after.total().requests(), "an execution that sent nothing adds nothing");
    assertEquals(40, after.total().p50Millis(), "latencies stay those of the last that sent");
    assertEquals(50L, after.caps().maxRequests(), "the caps stay the run's first ones");
    assertTrue(after.providers().containsKey("primary"));
  }

  @Test
  void theStoredFormReadsBackWithAndWithoutCaps() throws Exception {
    try (Jsonb jsonb = JsonbBuilder.create()) {
      RunLlmUsage capped =
          new RunLlmUsage(
              LlmService.Mode.OFFLINE,
              sent(4, 0.5, 12),
              Map.of("p", sent(4, 0.5, 12)),
              new RunLlmUsage.Caps(null, 0.75, 4, 0.5));
      assertEquals(capped, jsonb.fromJson(jsonb.toJson(capped), RunLlmUsage.class));
      String before =
          "{\"mode\":\"ONLINE\",\"providers\":{},\"total\":{\"requests\":2,\"cost\":0.1}}";
      RunLlmUsage old = jsonb.fromJson(before, RunLlmUsage.class);
      assertNull(old.caps(), "usage stored before caps were recorded reads as uncapped");
      assertEquals(2, old.total().requests());
    }
  }
}
