package dev.syngen.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunProgressTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static RunRecord run(
      RunStatus status, Instant started, Instant finished, long... written) {
    List<EntityProgress> entities =
        List.of(
            new EntityProgress("a", "a", 100, written[0], 0),
            new EntityProgress("b", "b", 300, written[1], 0));
    return new RunRecord(
        "r", status, "s", "s", "1", "src", "t", "t", "csv", "dir", 1, T0, "h", "create", 1,
        Map.of(), T0, started, finished, entities, null);
  }

  @Test
  void aRunningRunShowsItsCurrentEntityRateAndEta() {
    RunRecord r = run(RunStatus.RUNNING, T0, null, 100, 100);

    RunProgress p = RunProgress.of(r, T0.plusSeconds(10));

    assertEquals(200, p.rowsGenerated());
    assertEquals(400, p.rowsTotal());
    assertEquals(1, p.entitiesDone());
    assertEquals(2, p.entitiesTotal());
    assertEquals("b", p.currentEntity());
    assertEquals(20.0, p.rowsPerSecond());
    assertEquals(10L, p.etaSeconds());
  }

  @Test
  void aFinishedRunHasNoCurrentEntityAndItsRateIsOverItsDuration() {
    RunRecord r = run(RunStatus.SUCCESS, T0, T0.plusSeconds(4), 100, 300);

    RunProgress p = RunProgress.of(r, T0.plusSeconds(100));

    assertNull(p.currentEntity());
    assertEquals(100.0, p.rowsPerSecond());
    assertEquals(0L, p.etaSeconds());
    assertEquals(2, p.entitiesDone());
  }

  @Test
  void aPendingRunHasNoRateYet() {
    RunProgress p = RunProgress.of(run(RunStatus.PENDING, null, null, 0, 0), T0);

    assertNull(p.rowsPerSecond());
    assertNull(p.etaSeconds());
    assertNull(p.currentEntity());
  }
}
