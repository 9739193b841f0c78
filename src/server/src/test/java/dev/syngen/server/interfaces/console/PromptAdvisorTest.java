package dev.syngen.server.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.server.infrastructure.health.Dependency;
import dev.syngen.server.interfaces.view.RunView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generation prompts for runs that are stuck or slow, and the fidelity prompt after a run. */
class PromptAdvisorTest {
  private static RunView run(String status, Double rate, Long eta, Map<String, Object> overrides) {
    return new RunView(
        "r1",
        status,
        "iot-demo",
        "IoT",
        "1",
        "pg",
        "pg",
        "postgres",
        "postgres://***",
        1L,
        "2026-01-01T00:00:00Z",
        "abc",
        "create_if_missing",
        2,
        overrides,
        Instant.EPOCH,
        Instant.EPOCH,
        null,
        null,
        List.of(),
        100,
        1_000_000,
        1,
        3,
        "telemetry",
        rate,
        eta,
        List.of(),
        null,
        null);
  }

  private static List<Prompt> progress(RunView r, Duration stalled) {
    List<Prompt> out = new ArrayList<>();
    PromptAdvisor.progressPrompt(r, stalled, out);
    return out;
  }

  @Test
  void aRunWhoseRowsDoNotMoveIsStuckAndPointsAtItsTarget() {
    List<Prompt> out = progress(run("running", 3.0, 300_000L, Map.of()), Duration.ofSeconds(45));
    assertEquals(1, out.size());
    Prompt p = out.get(0);
    assertTrue(p.title().contains("no progress for 45 s"), p.title());
    assertTrue(p.detail().contains("entity telemetry to target pg (postgres)"), p.detail());
    assertEquals("targets.xhtml?test=pg", p.href());
  }

  @Test
  void aSlowRunNamesItsBottleneckAndAPacedOneSaysItIsPaced() {
    List<Prompt> slow = progress(run("running", 500.0, 2_000L, Map.of()), Duration.ofSeconds(2));
    assertEquals(1, slow.size());
    assertTrue(slow.get(0).title().contains("33 more minutes at 500 rows/s"), slow.get(0).title());
    assertTrue(slow.get(0).detail().contains("the bottleneck is writing"), slow.get(0).detail());

    List<Prompt> paced =
        progress(run("running", 500.0, 2_000L, Map.of("rate", "500/s")), Duration.ZERO);
    assertTrue(paced.get(0).detail().contains("pace it at 500/s"), paced.get(0).detail());
  }

  @Test
  void aHealthyRunGetsNoProgressPrompt() {
    assertTrue(progress(run("running", 1e6, 60L, Map.of()), Duration.ofSeconds(3)).isEmpty());
  }

  @Test
  void anUnreachableTargetIsATroublePromptToTestIt() {
    SystemState system =
        new SystemState(true, "answering", 0, 0, 2, 1, List.of())
            .with(
                List.of(
                    new Dependency("history-database", "derby", true, "jdbc/syngen", 3, null),
                    new Dependency(
                        "target:kafka-local", "kafka", false, "127.0.0.1:9092", 1000, "refused")));
    List<Prompt> out = new ArrayList<>();
    PromptAdvisor.troublePrompts(List.of(), system, out);
    assertEquals(1, out.size(), out.toString());
    assertTrue(out.get(0).title().contains("Target kafka-local is unreachable"));
    assertTrue(out.get(0).detail().contains("kafka at 127.0.0.1:9092 (1000 ms): refused"));
    assertEquals("targets.xhtml?test=kafka-local", out.get(0).href());
  }

  @Test
  void aSuccessfulRunSuggestsAFidelityCheck() {
    List<Prompt> out = new ArrayList<>();
    PromptAdvisor.qualityPrompts(List.of(run("success", 1e6, 0L, Map.of())), out);
    assertEquals("Check fidelity", out.get(0).action());
    assertEquals("run.xhtml?id=r1#fidelity", out.get(0).href());
  }
}
