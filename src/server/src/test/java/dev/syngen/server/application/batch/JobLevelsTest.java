package dev.syngen.server.application.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.engine.RowPartition;
import dev.syngen.core.engine.RowPartitions;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.DependencyLevels;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.server.application.scenario.ScenarioDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A run of any depth is a chain of level jobs that writes every level once, parents first, and a
 * restart continues at the level its latest job stopped in.
 */
class JobLevelsTest {
  private static final int DEPTH = 12;

  @Test
  void aChainOfTwelveEntitiesHasTwelveLevelsWrittenInOrderOnce() {
    Scenario scenario = chain(DEPTH, 1000);
    CompiledPlan plan =
        new PlanCompiler(GeneratorRegistry.builtins()).compile(scenario, RunOverrides.NONE);
    Map<String, Integer> byEntity = DependencyLevels.of(scenario, plan);
    JobLevels levels = JobLevels.of(byEntity.values());
    assertEquals(DEPTH, levels.count());

    List<RowPartition> partitions = RowPartitions.of(plan, byEntity, 400);
    List<String> written = new ArrayList<>();
    OptionalInt level = OptionalInt.of(0);
    while (level.isPresent()) {
      int l = level.getAsInt();
      List<RowPartition> parts = RowPartitions.level(partitions, l);
      assertEquals(3, parts.size(), "partitions of level " + l);
      assertEquals(1000, parts.stream().mapToLong(RowPartition::rows).sum());
      written.add(parts.get(0).entity());
      level = levels.next(level, true, false);
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < DEPTH; i++) {
      expected.add("e" + i);
    }
    assertEquals(expected, written, "each entity after its parent, each once");
  }

  @Test
  void levelsCountFromTheDeepestEntity() {
    assertEquals(1, JobLevels.of(List.of()).count());
    assertEquals(1, JobLevels.of(List.of(0, 0)).count());
    assertEquals(3, JobLevels.of(Set.of(0, 2, 1)).count());
    assertEquals(OptionalInt.of(2), new JobLevels(3).after(1));
    assertEquals(OptionalInt.empty(), new JobLevels(3).after(2));
    assertThrows(IllegalArgumentException.class, () -> new JobLevels(0));
  }

  @Test
  void theNextLevelStartsOnlyAfterAWrittenLevelAndNoStop() {
    JobLevels levels = new JobLevels(10);
    assertEquals(OptionalInt.of(9), levels.next(OptionalInt.of(8), true, false));
    assertEquals(OptionalInt.empty(), levels.next(OptionalInt.of(9), true, false), "last level");
    assertEquals(OptionalInt.empty(), levels.next(OptionalInt.of(3), false, false), "failed");
    assertEquals(OptionalInt.empty(), levels.next(OptionalInt.of(3), true, true), "stopped");
    assertEquals(
        OptionalInt.empty(),
        levels.next(OptionalInt.empty(), true, false),
        "a job that writes every level itself has no next job");
  }

  @Test
  void aRestartContinuesTheLatestLevelOrStartsTheNext() {
    JobLevels levels = new JobLevels(10);
    JobLevels.Resume failedAtFour = levels.resume(OptionalInt.of(4), false);
    assertTrue(failedAtFour.restartLatest(), "an unfinished level resumes from its checkpoints");
    assertEquals(OptionalInt.of(4), failedAtFour.level());

    JobLevels.Resume afterFour = levels.resume(OptionalInt.of(4), true);
    assertFalse(afterFour.restartLatest(), "a completed level is not written again");
    assertEquals(OptionalInt.of(5), afterFour.level());

    JobLevels.Resume afterLast = levels.resume(OptionalInt.of(9), true);
    assertFalse(afterLast.restartLatest());
    assertEquals(OptionalInt.of(10), afterLast.level(), "past the last level: nothing to write");
    assertEquals(OptionalInt.empty(), levels.after(afterLast.level().getAsInt()));

    JobLevels.Resume legacy = levels.resume(OptionalInt.empty(), false);
    assertTrue(legacy.restartLatest());
    assertEquals(OptionalInt.empty(), legacy.level(), "a job of every level restarts as it was");
  }

  @Test
  void theLevelParameterIsALevelOrAbsent() {
    assertEquals(OptionalInt.of(11), JobLevels.parameter("11"));
    assertEquals(OptionalInt.empty(), JobLevels.parameter(null));
    assertEquals(OptionalInt.empty(), JobLevels.parameter(""));
    IllegalStateException bad =
        assertThrows(IllegalStateException.class, () -> JobLevels.parameter("-1"));
    assertTrue(bad.getMessage().contains("job parameter level is '-1'"), bad.getMessage());
    assertThrows(IllegalStateException.class, () -> JobLevels.parameter("x"));
  }

  /** Entities e0 … e(n-1), each with a foreign key to the one before. */
  static Scenario chain(int n, long rows) {
    StringBuilder yaml = new StringBuilder("id: chain\nname: chain\nseed: 5\nentities:\n");
    for (int i = 0; i < n; i++) {
      yaml.append("  - name: e")
          .append(i)
          .append("\n    rows: ")
          .append(rows)
          .append(
              "\n    columns:\n      - {name: id, type: bigint, generator: {type: sequence}}\n");
      if (i > 0) {
        yaml.append(
                "      - {name: parent_id, type: bigint, generator: {type: fk, params: {entity: e")
            .append(i - 1)
            .append(", column: id}}}\n");
      }
    }
    Problems problems = new Problems();
    Scenario s = ScenarioDocuments.read(yaml.toString(), "chain", "", problems);
    assertTrue(problems.isEmpty(), problems.list().toString());
    return s;
  }
}
