package dev.syngen.server.application.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.syngen.core.engine.EntityProgress;
import dev.syngen.core.engine.EntityStats;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunStatus;
import dev.syngen.core.plan.CompiledEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An entity's rows are the sum of its partitions', from saved positions and new chunks alike. */
class BatchProgressTest {
  private static final CompiledEntity ORDERS =
      new CompiledEntity("orders", "orders", 1000, true, List.of());
  private static final CompiledEntity USERS =
      new CompiledEntity("users", "users", 10, true, List.of());

  private final List<String> events = new ArrayList<>();
  private final List<RunRecord> saved = new ArrayList<>();

  @Test
  void partitionsAddUpAndAnEntityFinishesOnce() {
    BatchProgress p = progress(List.of());
    p.at(ORDERS, 0, 0, 0);
    p.at(ORDERS, 500, 500, 0);
    p.at(ORDERS, 500, 800, 30);
    p.at(ORDERS, 0, 500, 50);
    assertEquals(800, rows(p.snapshot(), "orders"));
    assertEquals(80, p.snapshot().entities().get(0).bytesWritten());
    p.at(ORDERS, 500, 1000, 40);
    p.at(ORDERS, 500, 1000, 40);
    assertEquals(List.of("started orders at 0", "finished orders 1000"), events);
    assertEquals(1000, rows(saved.get(saved.size() - 1), "orders"));
    assertEquals(0, rows(p.snapshot(), "users"));
  }

  @Test
  void aRestartStartsFromTheSavedPartitions() {
    BatchProgress p =
        progress(
            List.of(
                new PartitionProgress("orders", 0, 500, 0, null, null, 0),
                new PartitionProgress("orders", 500, 700, 0, null, null, 0),
                new PartitionProgress("users", 0, 10, 0, null, null, 0)));
    assertEquals(700, rows(p.snapshot(), "orders"));
    assertEquals(10, rows(p.snapshot(), "users"));
    assertEquals(700, p.next(ORDERS, 500), "a partition's saved next row");
    assertEquals(5, p.next(USERS, 5), "a partition without saved progress starts at its first row");
    p.at(ORDERS, 500, 800, 0);
    assertEquals(800, rows(p.snapshot(), "orders"));
    assertEquals(List.of("started orders at 700"), events);
  }

  private BatchProgress progress(List<PartitionProgress> saved) {
    RunRecord record =
        record(
            RunStatus.PENDING,
            List.of(
                new EntityProgress("orders", "orders", 1000, 0, 0),
                new EntityProgress("users", "users", 10, 0, 0)));
    RunListener log =
        new RunListener() {
          @Override
          public void entityStarted(CompiledEntity e, long startRow) {
            events.add("started " + e.name() + " at " + startRow);
          }

          @Override
          public void entityFinished(EntityStats s) {
            events.add("finished " + s.entity() + " " + s.rows());
          }
        };
    return new BatchProgress(record, saved, log, this.saved::add);
  }

  /** Run r1 of scenario s into an inline postgres target, with these entities' progress. */
  static RunRecord record(RunStatus status, List<EntityProgress> entities) {
    return new RunRecord(
        "r1",
        status,
        "s",
        "s",
        null,
        "inline",
        "t",
        "t",
        "postgres",
        "dsn",
        1,
        Instant.EPOCH,
        "hash",
        "create_if_missing",
        2,
        Map.of(),
        Instant.EPOCH,
        null,
        null,
        entities,
        null);
  }

  private static long rows(RunRecord r, String entity) {
    return r.entities().stream()
        .filter(e -> e.entity().equals(entity))
        .findFirst()
        .orElseThrow()
        .rowsWritten();
  }
}
