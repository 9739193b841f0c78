package dev.syngen.server.application.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.syngen.core.llm.LlmService;
import dev.syngen.core.llm.LlmUsage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmActivityTest {
  private static LlmUsage.Summary sent(long requests, double cost) {
    return new LlmUsage.Summary(requests, 1, 0, requests, requests, cost, 1, 1, 0, 1);
  }

  private static LlmActivity.RunUsage run(String id, String at, long requests, double cost) {
    return new LlmActivity.RunUsage(
        id,
        "s",
        Instant.parse(at),
        new RunLlmUsage(
            LlmService.Mode.ONLINE,
            sent(requests, cost),
            Map.of("p", sent(requests, cost)),
            new RunLlmUsage.Caps(10L, null, requests, cost)));
  }

  @Test
  void everyDayOfThePeriodIsListedAndRunsAreCountedOnTheirUtcDay() {
    LlmActivity a =
        LlmActivity.of(
            List.of(
                run("a", "2026-12-03T23:59:00Z", 4, 0.5),
                run("b", "2026-12-03T00:00:00Z", 6, 1.5),
                run("c", "2026-12-01T12:00:00Z", 2, 0.25),
                run("old", "2026-11-01T12:00:00Z", 100, 9)),
            LocalDate.parse("2026-12-03"),
            3);
    assertEquals(
        List.of("2026-12-01", "2026-12-02", "2026-12-03"),
        a.days().stream().map(LlmActivity.Day::label).toList());
    assertEquals(List.of(1L, 0L, 2L), a.days().stream().map(LlmActivity.Day::runs).toList());
    assertEquals(12, a.total().requests(), "the run before the period is left out");
    assertEquals(2.25, a.total().cost(), 1e-12);
    assertEquals(2.0, a.maxDailyCost(), 1e-12);
    assertEquals(3, a.providers().get("p").runs());
    assertEquals(
        List.of("a", "b", "c"), a.runs().stream().map(LlmActivity.RunUsage::runId).toList());
  }

  @Test
  void theCapShareIsTheLargerOfRequestsAndCost() {
    assertEquals(0.6, run("b", "2026-12-03T00:00:00Z", 6, 1.5).capShare(), 1e-12);
    LlmActivity.RunUsage both =
        new LlmActivity.RunUsage(
            "x",
            "s",
            Instant.EPOCH,
            new RunLlmUsage(
                LlmService.Mode.ONLINE,
                sent(1, 0.9),
                Map.of(),
                new RunLlmUsage.Caps(10L, 1.0, 1, 0.9)));
    assertEquals(0.9, both.capShare(), 1e-12);
    LlmActivity.RunUsage none =
        new LlmActivity.RunUsage(
            "y",
            "s",
            Instant.EPOCH,
            new RunLlmUsage(LlmService.Mode.ONLINE, sent(1, 1), Map.of(), null));
    assertEquals(0, none.capShare());
  }
}
