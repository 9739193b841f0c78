package dev.syngen.io.lifecycle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.lifecycle.CompiledLifecycle;
import dev.syngen.core.lifecycle.EventTimeMerge;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time-bucketed merge gives exactly the order a sort of every event would give. */
class EventTimeMergeTest {
  private static final CompiledPlan PLAN = Lifecycles.plan("orders", 7);

  private static long[][] merged(String entity, int window, int batch, long skip) {
    CompiledEntity e = Fixtures.compiled(PLAN, entity);
    CompiledLifecycle lc = EventTimeMerge.lifecycleOf(PLAN.entities(), e);
    EventTimeMerge m = new EventTimeMerge(lc, e, window);
    m.skip(skip);
    long[] rows = new long[(int) (e.rows() - skip)];
    long[] times = new long[rows.length];
    long[] r = new long[batch];
    long[] k = new long[batch];
    long[] t = new long[batch];
    RowBatch out = new RowBatch(e, batch);
    int at = 0;
    for (int n; (n = m.next(out, t, r, k, batch, Long.MAX_VALUE)) > 0; at += n) {
      assertEquals(at + skip, out.firstRow(), "rows are stream positions");
      assertEquals(n, out.size());
      for (int i = 0; i < n; i++) {
        rows[at + i] = e.allocation().firstChild(r[i]) + k[i]; // back to the layout's row
      }
      System.arraycopy(t, 0, times, at, n);
    }
    assertEquals(rows.length, at, "every event once");
    return new long[][] {rows, times};
  }

  @Test
  void mergeEqualsAGlobalSortAtAnyWindowAndBatch() {
    CompiledEntity e = Fixtures.compiled(PLAN, "orders_events");
    CompiledLifecycle lc = EventTimeMerge.lifecycleOf(PLAN.entities(), e);
    int time = Lifecycles.column(PLAN, "orders_events", "event_time");
    List<long[]> all = new ArrayList<>();
    List<List<String>> rows = Lifecycles.rows(PLAN, "orders_events", 4096);
    for (int i = 0; i < rows.size(); i++) {
      all.add(new long[] {Long.parseLong(rows.get(i).get(time)), e.allocation().parentOf(i), i});
    }
    all.sort(Comparator.<long[]>comparingLong(x -> x[0]).thenComparingLong(x -> x[1]));
    long[] expected = all.stream().mapToLong(x -> x[2]).toArray();
    assertTrue(lc != null);
    long[][] a = merged("orders_events", 1 << 18, 4096, 0);
    assertArrayEquals(expected, a[0]);
    long[][] b = merged("orders_events", 50, 7, 0); // many windows, tiny batches
    assertArrayEquals(expected, b[0]);
    for (int i = 1; i < b[1].length; i++) {
      assertTrue(b[1][i - 1] <= b[1][i], "event time never goes back");
    }
    long[][] resumed = merged("orders_events", 50, 64, 1234);
    assertArrayEquals(Arrays.copyOfRange(expected, 1234, expected.length), resumed[0]);
  }

  @Test
  void cdcStreamIsMergedToo() {
    long[][] a = merged("orders_cdc", 100, 256, 0);
    for (int i = 1; i < a[1].length; i++) {
      assertTrue(a[1][i - 1] <= a[1][i]);
    }
  }
}
