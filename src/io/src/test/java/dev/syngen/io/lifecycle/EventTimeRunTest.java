package dev.syngen.io.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.engine.CancelToken;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.engine.RunCancelledException;
import dev.syngen.core.engine.RunEngine;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.traffic.Speed;
import dev.syngen.core.traffic.Traffic;
import dev.syngen.core.traffic.TrafficMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run in event-time order through the engine (the merge on a thread of its own, ahead of the
 * writes): the same stream at any parallelism and batch size, a restart from a position continues
 * it exactly, and a cancel stops it with a prefix written and no end-of-entity message.
 */
class EventTimeRunTest {
  private static final CompiledPlan PLAN = Lifecycles.plan("orders", 7);
  private static final CompiledPlan ONLY_EVENTS =
      new CompiledPlan(
          PLAN.scenarioId(),
          PLAN.scenarioName(),
          PLAN.scenarioVersion(),
          PLAN.seed(),
          PLAN.asOf(),
          PLAN.entities().stream()
              .map(
                  e ->
                      new CompiledEntity(
                          e.name(),
                          e.table(),
                          e.rows(),
                          e.name().equals("orders_events"),
                          e.columns(),
                          e.allocation(),
                          e.lifecycle()))
              .toList(),
          PLAN.warnings(),
          PLAN.configHash());
  private static final Traffic MAX =
      new Traffic(null, TrafficMode.STEADY, null, null, null, 0, false, Speed.MAX);

  /** Records orders_events' rows as text, and the end-of-entity counts. */
  private static final class Recording implements Sink {
    final List<String> rows = Collections.synchronizedList(new ArrayList<>());
    final List<Long> ends = Collections.synchronizedList(new ArrayList<>());
    volatile boolean finished;

    @Override
    public void prepare(List<CompiledEntity> entities, TableMode mode) {}

    @Override
    public EntityWriter<List<String>> open(CompiledEntity entity, long startRow) {
      return new EntityWriter<>() {
        @Override
        public List<String> encode(RowBatch b) {
          List<String> out = new ArrayList<>();
          for (int i = 0; i < b.size(); i++) {
            StringBuilder s = new StringBuilder().append(b.firstRow() + i);
            for (int c = 0; c < b.columnCount(); c++) {
              s.append('|').append(Fixtures.cell(b.column(c), i));
            }
            out.add(s.toString());
          }
          return out;
        }

        @Override
        public void write(List<String> chunk) {
          rows.addAll(chunk);
        }

        @Override
        public void endOfEntity(long n) {
          ends.add(n);
        }

        @Override
        public void finish() {
          finished = true;
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public void close() {}
  }

  private static Recording run(
      int parallel, int batch, Map<String, Long> resume, RunListener l, CancelToken cancel) {
    Recording sink = new Recording();
    new RunEngine(parallel, batch, MAX)
        .run(ONLY_EVENTS, sink, TableMode.CREATE_IF_MISSING, resume, l, cancel);
    return sink;
  }

  @Test
  void theStreamIsTheSameAtAnyParallelismAndBatchSize() {
    Recording one = run(1, 4096, Map.of(), RunListener.NONE, new CancelToken());
    Recording four = run(4, 37, Map.of(), RunListener.NONE, new CancelToken());
    long events = Fixtures.compiled(PLAN, "orders_events").rows();
    assertEquals(events, one.rows.size());
    assertEquals(one.rows, four.rows);
    assertEquals(List.of(events), one.ends, "the end-of-entity message counts the events");
  }

  @Test
  void aRestartFromAPositionContinuesTheStreamExactly() {
    List<String> whole = run(2, 500, Map.of(), RunListener.NONE, new CancelToken()).rows;
    Recording tail =
        run(2, 333, Map.of("orders_events", 1234L), RunListener.NONE, new CancelToken());
    assertEquals(whole.subList(1234, whole.size()), tail.rows);
  }

  @Test
  void aCancelStopsWithAPrefixAndNoEndOfEntity() {
    CancelToken cancel = new CancelToken();
    RunListener cancelAt =
        new RunListener() {
          @Override
          public void progress(CompiledEntity e, long rowsDone) {
            if (rowsDone >= 1000) {
              cancel.cancel();
            }
          }
        };
    List<String> whole = run(2, 250, Map.of(), RunListener.NONE, new CancelToken()).rows;
    Recording[] holder = new Recording[1];
    RunCancelledException e =
        assertThrows(
            RunCancelledException.class,
            () -> {
              Recording sink = new Recording();
              holder[0] = sink;
              new RunEngine(2, 250, MAX)
                  .run(ONLY_EVENTS, sink, TableMode.CREATE_IF_MISSING, Map.of(), cancelAt, cancel);
            });
    Recording r = holder[0];
    assertTrue(e.getMessage().contains("orders_events"), e.getMessage());
    assertTrue(r.rows.size() >= 1000 && r.rows.size() < whole.size(), "" + r.rows.size());
    assertEquals(whole.subList(0, r.rows.size()), r.rows, "what was written is a prefix");
    assertTrue(r.ends.isEmpty(), "no end-of-entity after a cancel");
    assertTrue(r.finished, "what was written is made durable");
  }
}
