package dev.syngen.core.engine;

import static dev.syngen.core.Fixtures.col;
import static dev.syngen.core.Fixtures.entity;
import static dev.syngen.core.Fixtures.gen;
import static dev.syngen.core.Fixtures.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.DependencyLevels;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.sink.TableMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A plan split into (entity, row range) partitions and written range by range, in any order, gives
 * exactly the rows of a single-threaded engine run.
 */
class RowPartitionsTest {
  private static final Scenario SCENARIO =
      scenario(
          entity(
              "orders",
              2500,
              col("id", ColumnType.BIGINT, gen("sequence")),
              col(
                  "customer_id",
                  ColumnType.BIGINT,
                  gen("fk", "entity", "customers", "column", "id")),
              col("amount", ColumnType.DOUBLE, gen("uniform_float", "min", 1, "max", 500))),
          entity(
              "customers",
              1000,
              col("id", ColumnType.BIGINT, gen("sequence")),
              col("name", ColumnType.STRING, gen("faker_name"))),
          entity("tags", 10, col("id", ColumnType.BIGINT, gen("sequence"))));
  private static final CompiledPlan PLAN = Fixtures.compile(SCENARIO, 7);

  @Test
  void levelsPutParentsBeforeChildren() {
    Map<String, Integer> levels = DependencyLevels.of(SCENARIO, PLAN);
    assertEquals(Map.of("customers", 0, "tags", 0, "orders", 1), levels);
  }

  @Test
  void partitionsCoverEveryRowOnce() {
    List<RowPartition> parts = RowPartitions.of(PLAN, DependencyLevels.of(SCENARIO, PLAN), 600);
    assertEquals(
        List.of(
            new RowPartition("customers", 0, 0, 600),
            new RowPartition("customers", 0, 600, 1000),
            new RowPartition("tags", 0, 0, 10)),
        RowPartitions.level(parts, 0));
    assertEquals(5, RowPartitions.level(parts, 1).size());
    assertEquals(2500, RowPartitions.level(parts, 1).stream().mapToLong(RowPartition::rows).sum());
    assertEquals(List.of(), RowPartitions.level(parts, 2));
    assertThrows(IllegalArgumentException.class, () -> RowPartitions.of(PLAN, Map.of(), 0));
  }

  @Test
  void rangesWrittenInReverseOrderEqualTheEngineOutput() {
    RecordingSink single = new RecordingSink();
    new RunEngine(1, 100)
        .run(
            PLAN,
            single,
            TableMode.TRUNCATE_THEN_INSERT,
            Map.of(),
            RunListener.NONE,
            new CancelToken());

    RecordingSink parted = new RecordingSink();
    RangeWriter writer = new RangeWriter(64);
    List<RowPartition> parts =
        new ArrayList<>(RowPartitions.of(PLAN, DependencyLevels.of(SCENARIO, PLAN), 700));
    Collections.reverse(parts);
    for (RowPartition p : parts) {
      CompiledEntity e = compiled(p.entity());
      for (long from = p.first(); from < p.end(); from += 250) {
        writer.write(parted, "run-1", e, p.first(), from, Math.min(p.end(), from + 250));
      }
    }
    for (String entity : List.of("customers", "orders", "tags")) {
      List<String> expected = single.linesOf(entity);
      List<String> actual = new ArrayList<>(parted.linesOf(entity));
      actual.sort((a, b) -> Long.compare(row(a), row(b)));
      assertEquals(expected, actual, entity);
    }
    assertEquals(0, parted.openWriters.get(), "a writer was left open");
  }

  @Test
  void aRangeEncodedOnSeveralThreadsIsWrittenInRowOrderWithTheSameBytes() {
    RecordingSink one = new RecordingSink();
    RecordingSink three = new RecordingSink();
    RangeWriter parallel = new RangeWriter(16, 3, Thread::new);
    for (RowPartition p : RowPartitions.of(PLAN, DependencyLevels.of(SCENARIO, PLAN), 700)) {
      CompiledEntity e = compiled(p.entity());
      for (long from = p.first(); from < p.end(); from += 250) {
        long to = Math.min(p.end(), from + 250);
        new RangeWriter(16).write(one, "run-1", e, p.first(), from, to);
        parallel.write(three, "run-1", e, p.first(), from, to);
      }
    }
    for (String entity : List.of("customers", "orders", "tags")) {
      // in the order written, not sorted: the writing thread keeps row order
      assertEquals(one.linesOf(entity), three.linesOf(entity), entity);
    }
    assertEquals(0, three.openWriters.get(), "a writer was left open");
  }

  @Test
  void aStoppedParallelRangeWritesNothingMoreAndLeavesNoThread() throws InterruptedException {
    RecordingSink sink = new RecordingSink();
    List<Thread> made = Collections.synchronizedList(new ArrayList<>());
    RangeWriter parallel =
        new RangeWriter(
            16,
            2,
            r -> {
              Thread t = new Thread(r);
              made.add(t);
              return t;
            });
    int[] asked = {0};
    CompiledEntity orders = compiled("orders");
    RunCancelledException stopped =
        assertThrows(
            RunCancelledException.class,
            () -> parallel.write(sink, "run-1", orders, 0, 0, 2500, () -> ++asked[0] > 3));
    assertEquals(3 * 16, sink.linesOf("orders").size(), "three batches written before the stop");
    assertEquals(0, sink.openWriters.get(), "a writer was left open");
    // the pool has terminated when the range returns, but a worker's thread may still be leaving
    // its run method: give each a moment to end; a thread that leaked would still be alive
    for (Thread t : made) {
      t.join(5_000);
    }
    assertTrue(made.stream().noneMatch(Thread::isAlive), "a thread outlived the range");
    assertTrue(stopped.getMessage().contains("orders"), stopped.getMessage());
  }

  @Test
  void anEncodingFailureOnAWorkerThreadFailsTheRangeWithItsOwnError() {
    RecordingSink sink = new RecordingSink();
    sink.failAtRow = 64;
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                new RangeWriter(16, 2, Thread::new)
                    .write(sink, "run-1", compiled("orders"), 0, 0, 2500));
    assertEquals("encode failed at row 64", e.getMessage());
    assertEquals(64, sink.linesOf("orders").size(), "the batches before it, in order");
    assertEquals(0, sink.openWriters.get(), "a writer was left open");
  }

  private static CompiledEntity compiled(String name) {
    return PLAN.included().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
  }

  private static long row(String line) {
    return Long.parseLong(line.split("\\|")[1]);
  }
}
