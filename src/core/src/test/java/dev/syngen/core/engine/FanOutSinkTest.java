package dev.syngen.core.engine;

import static dev.syngen.core.Fixtures.col;
import static dev.syngen.core.Fixtures.entity;
import static dev.syngen.core.Fixtures.gen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.traffic.Traffic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FanOutSinkTest {
  private static CompiledPlan plan(long rows) {
    return Fixtures.compile(
        Fixtures.scenario(
            entity("a", 50, col("id", ColumnType.BIGINT, gen("sequence"))),
            entity(
                "b",
                rows,
                col("id", ColumnType.BIGINT, gen("sequence")),
                col("v", ColumnType.DOUBLE, gen("uniform_float", "min", 0.0, "max", 1.0)))),
        9);
  }

  private static List<EntityStats> run(CompiledPlan plan, Sink sink, int parallel, int batch) {
    return new RunEngine(parallel, batch)
        .run(
            plan, sink, TableMode.CREATE_IF_MISSING, Map.of(), RunListener.NONE, new CancelToken());
  }

  @Test
  void everyTargetGetsTheSameRowsInOrderFromOneGenerationPass() {
    RecordingSink alone = new RecordingSink();
    run(plan(10_000), alone, 1, 4096);
    RecordingSink one = new RecordingSink();
    RecordingSink two = new RecordingSink();
    FanOutSink fan =
        new FanOutSink(
            List.of(new FanOutSink.Target("one", one), new FanOutSink.Target("two", two)), 2);
    try (fan) {
      run(plan(10_000), fan, 2, 333);
    }
    assertEquals(alone.lines, one.lines);
    assertEquals(alone.lines, two.lines);
    assertTrue(one.events.contains("finish b") && two.events.contains("close sink"));
  }

  @Test
  void aFailingTargetFailsTheRunAndIsNamed() {
    RecordingSink good = new RecordingSink();
    RecordingSink bad = new RecordingSink();
    bad.failWriteAtRow = 4096;
    FanOutSink fan =
        new FanOutSink(
            List.of(
                new FanOutSink.Target("target 'pg' (postgres)", good),
                new FanOutSink.Target("target 'kafka' (kafka)", bad)),
            2);
    FanOutSink.TargetFailedException e =
        assertThrows(FanOutSink.TargetFailedException.class, () -> run(plan(50_000), fan, 2, 1024));
    assertEquals("target 'kafka' (kafka)", e.target());
    assertTrue(
        e.getMessage().startsWith("target 'kafka' (kafka) failed: write failed at row 4096"),
        e.getMessage());
    fan.close();
    assertEquals(0, good.openWriters.get() + bad.openWriters.get(), "every writer closed");
  }

  @Test
  void aSlowTargetHoldsTheRunOnlyThroughItsBoundedQueue() {
    RecordingSink fast = new RecordingSink();
    Sink slow = new SlowSink(new RecordingSink(), 2);
    try (FanOutSink fan =
        new FanOutSink(
            List.of(new FanOutSink.Target("fast", fast), new FanOutSink.Target("slow", slow)), 3)) {
      run(plan(20_000), fan, 2, 1000);
    }
    assertEquals(20_050, fast.lines.size());
  }

  @Test
  void aDurationEndsTheStreamedEntityEarlyAndStatsSayHowMuch() {
    RecordingSink sink = new RecordingSink();
    sink.recordEnds = true;
    Traffic t =
        new Traffic(
            new dev.syngen.core.traffic.Rate(20_000, dev.syngen.core.traffic.Rate.Unit.RECORDS),
            null,
            null,
            Duration.ofMillis(300),
            null,
            0);
    List<EntityStats> stats =
        new RunEngine(1, 4096, t)
            .run(
                plan(1_000_000),
                sink,
                TableMode.CREATE_IF_MISSING,
                Map.of(),
                RunListener.NONE,
                new CancelToken());
    assertEquals(50, stats.get(0).rows(), "the other entity is written in full");
    long b = stats.get(1).rows();
    assertTrue(b > 0 && b < 1_000_000, "stopped by the duration after " + b + " rows");
    assertEquals(b, sink.linesOf("b").size());
    assertTrue(sink.events.contains("end b at " + b), sink.events.toString());
  }

  /** Delays each write, standing in for a slow target. */
  private static final class SlowSink implements Sink {
    private final RecordingSink inner;
    private final long millis;

    SlowSink(RecordingSink inner, long millis) {
      this.inner = inner;
      this.millis = millis;
    }

    @Override
    public void prepare(List<CompiledEntity> entities, TableMode mode) {
      inner.prepare(entities, mode);
    }

    @Override
    public EntityWriter<List<String>> open(CompiledEntity entity, long startRow) {
      EntityWriter<List<String>> w = inner.open(entity, startRow);
      return new EntityWriter<>() {
        @Override
        public List<String> encode(RowBatch batch) {
          return w.encode(batch);
        }

        @Override
        public void write(List<String> chunk) {
          try {
            Thread.sleep(millis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          w.write(chunk);
        }

        @Override
        public void finish() {
          w.finish();
        }

        @Override
        public void close() {
          w.close();
        }
      };
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
