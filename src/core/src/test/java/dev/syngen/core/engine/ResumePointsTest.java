package dev.syngen.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResumePointsTest {
  private static RunRecord run(RunStatus status) {
    List<EntityProgress> entities =
        List.of(
            new EntityProgress("parents", "p", 100, 100, 5),
            new EntityProgress("children", "c", 1000, 400, 5),
            new EntityProgress("later", "l", 50, 0, 0));
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    return new RunRecord(
        "r", status, "s", "s", "1", "src", "t", "t", "k", "d", 1, t, "h", "create", 1, Map.of(), t,
        t, t, entities, "e");
  }

  @Test
  void completeEntitiesAreSkippedAndUnfinishedOnesResumeAtTheirCheckpoint() {
    assertEquals(
        Map.of("parents", 100L, "children", 400L, "later", 0L),
        ResumePoints.of(run(RunStatus.FAILED), false));
  }

  @Test
  void perEntityCommitsRestartAnUnfinishedEntityFromItsStartAfterAFailure() {
    assertEquals(
        Map.of("parents", 100L, "children", 0L, "later", 0L),
        ResumePoints.of(run(RunStatus.FAILED), true));
  }

  @Test
  void aCleanCancelCommittedWhatItWroteSoPerEntityTargetsResumeAtTheCheckpoint() {
    assertEquals(
        Map.of("parents", 100L, "children", 400L, "later", 0L),
        ResumePoints.of(run(RunStatus.CANCELLED), true));
  }
}
