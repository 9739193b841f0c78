package dev.syngen.server.application.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.traffic.TrafficRequest;
import dev.syngen.server.application.run.PreparedRun;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which new runs become batch jobs: every run above the threshold, however many dependency levels
 * it has, except a traffic-shaped one, whose log then says why it stays on the executor.
 */
class BatchLauncherTest {
  private static final CompiledPlan TWELVE_LEVELS =
      new PlanCompiler(GeneratorRegistry.builtins())
          .compile(JobLevelsTest.chain(12, 100), RunOverrides.NONE);

  private final BatchLauncher launcher = launcher(1000);

  @Test
  void aRunAboveTheThresholdWithTwelveLevelsIsABatchJob() {
    PreparedRun run = prepared(TrafficRequest.NONE);
    assertTrue(launcher.takes(null, run, Map.of()));
    assertEquals(Optional.empty(), launcher.executorReason(run));
  }

  @Test
  void aRunAtOrBelowTheThresholdStaysOnTheExecutorWithoutANote() {
    BatchLauncher high = launcher(1200);
    PreparedRun run = prepared(TrafficRequest.NONE);
    assertFalse(high.takes(null, run, Map.of()));
    assertEquals(Optional.empty(), high.executorReason(run));
  }

  @Test
  void aTrafficShapedRunAboveTheThresholdSaysWhyItStaysOnTheExecutor() {
    PreparedRun run =
        prepared(new TrafficRequest("100/s", null, null, null, null, null, null, false));
    assertFalse(launcher.takes(null, run, Map.of()));
    String why = launcher.executorReason(run).orElseThrow();
    assertTrue(why.contains("syngen.batch.threshold-rows (1000)"), why);
    assertTrue(why.contains("traffic"), why);
  }

  private static BatchLauncher launcher(long thresholdRows) {
    BatchLauncher launcher = new BatchLauncher();
    launcher.batch = new BatchSettings();
    launcher.batch.thresholdRows = thresholdRows;
    return launcher;
  }

  static PreparedRun prepared(TrafficRequest traffic) {
    return new PreparedRun(
        TWELVE_LEVELS,
        null,
        null,
        "",
        "inline",
        RunOverrides.NONE,
        null,
        traffic,
        TableMode.CREATE_IF_MISSING,
        1,
        new dev.syngen.server.infrastructure.llm.RunLlm(
            () -> {
              throw new AssertionError("a plan without llm_text opens no LLM service");
            },
            dev.syngen.core.llm.LlmService.Mode.ONLINE,
            dev.syngen.core.llm.LlmBudget.unlimited()));
  }
}
