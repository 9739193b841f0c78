package dev.syngen.server.interfaces.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.engine.EntityProgress;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunStatus;
import dev.syngen.server.application.batch.PartitionProgress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A batch run's partitions as {@code GET /runs/{id}} shows them. */
class PartitionViewTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static RunRecord record() {
    return new RunRecord(
        "r1",
        RunStatus.RUNNING,
        "s",
        "S",
        "1",
        null,
        "t",
        "t",
        "postgres",
        null,
        1,
        T0,
        "h",
        "create_if_missing",
        2,
        Map.of(),
        T0,
        T0,
        null,
        List.of(new EntityProgress("orders", "orders", 700, 300, 1000)),
        null);
  }

  @Test
  void eachPartitionShowsItsRowsAndServerAndARedactedError() {
    RunView v =
        RunView.of(
            record(),
            T0.plusSeconds(5),
            null,
            null,
            List.of(
                new PartitionProgress("orders", 0, 200, 4096, "ex1@host-a", null, 2),
                new PartitionProgress(
                    "orders",
                    500,
                    600,
                    0,
                    "ex2@host-b",
                    "connect to postgresql://app:s3cret@db/test failed",
                    0)));
    assertEquals(2, v.partitions().size());
    PartitionView first = v.partitions().get(0);
    assertEquals(200, first.rowsWritten());
    assertEquals("ex1@host-a", first.server());
    assertNull(first.error());
    assertEquals(2, first.redispatchedChunks(), "chunks sent again to executors");
    PartitionView second = v.partitions().get(1);
    assertEquals(500, second.firstRow());
    assertEquals(100, second.rowsWritten());
    assertTrue(second.error().contains("failed"), second.error());
    assertFalse(second.error().contains("s3cret"), second.error());
    assertEquals(0, second.redispatchedChunks());
  }

  @Test
  void aRunWithoutPartitionsShowsNone() {
    assertNull(RunView.of(record(), T0, null, null, List.of()).partitions());
    assertNull(RunView.of(record(), T0).partitions());
  }
}
