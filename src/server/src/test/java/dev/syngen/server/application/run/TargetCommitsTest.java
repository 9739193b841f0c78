package dev.syngen.server.application.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.syngen.core.engine.EntityProgress;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunRepository;
import dev.syngen.core.engine.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetCommitsTest {
  private static RunRecord run(RunStatus status, String kind) {
    List<EntityProgress> entities =
        List.of(
            new EntityProgress("parents", "p", 100, 100, 5),
            new EntityProgress("children", "c", 1000, 400, 5));
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    return new RunRecord(
        "r", status, "s", "s", "1", "src", "t", "t", kind, "d", 1, t, "h", "create", 1, Map.of(), t,
        t, t, entities, "e");
  }

  private static List<Long> written(RunRecord r) {
    return r.entities().stream().map(EntityProgress::rowsWritten).toList();
  }

  @Test
  void aFailedPostgresRunClaimsOnlyTheEntitiesItsTargetCommitted() {
    assertEquals(
        List.of(100L, 0L), written(TargetCommits.committed(run(RunStatus.FAILED, "postgres"))));
  }

  @Test
  void mariaDbCommitsAnEntityWholeAsPostgresDoes() {
    for (String kind : List.of("mariadb", "mysql")) {
      assertEquals(
          List.of(100L, 0L), written(TargetCommits.committed(run(RunStatus.FAILED, kind))));
      assertEquals(true, TargetCommits.perEntity(kind), kind);
    }
  }

  @Test
  void cancelledRunsAndTargetsThatCommitAsTheyGoKeepTheirCounts() {
    RunRecord cancelled = run(RunStatus.CANCELLED, "postgres");
    assertSame(cancelled, TargetCommits.committed(cancelled));
    RunRecord csv = run(RunStatus.FAILED, "csv");
    assertSame(csv, TargetCommits.committed(csv));
  }

  @Test
  void aRepositoryRecordingForTheRunStoresOnlyTheCorrectedFailedRecord() {
    List<RunRecord> saved = new java.util.ArrayList<>();
    RunRepository store =
        new RunRepository() {
          @Override
          public void save(RunRecord run) {
            saved.add(run);
          }

          @Override
          public java.util.Optional<RunRecord> find(String id) {
            return java.util.Optional.empty();
          }

          @Override
          public List<RunRecord> list(int limit, RunStatus status) {
            return List.of();
          }
        };
    RunRepository recording = TargetCommits.recording(store);
    recording.save(run(RunStatus.RUNNING, "postgres"));
    recording.save(run(RunStatus.FAILED, "postgres"));
    assertEquals(List.of(100L, 400L), written(saved.get(0)), "progress while running as reported");
    assertEquals(List.of(100L, 0L), written(saved.get(1)), "the failed record as committed");
  }
}
