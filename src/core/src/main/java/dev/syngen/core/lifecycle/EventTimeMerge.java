package dev.syngen.core.lifecycle;

import dev.syngen.core.generate.ChildAllocation;
import dev.syngen.core.plan.CompiledEntity;
import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * The rows of an entity a lifecycle derives, in event-time order across all instances, with bounded
 * memory: a time-bucketed merge, not a sort of everything.
 *
 * <p>A first pass over the instances' start times (one cell each) builds a histogram of 4,096 time
 * bins, grouped into windows of at most {@code windowInstances} instances. For each window in turn,
 * a pass collects its instances, sorted by start time; they are activated in that order into a heap
 * of instances that have started and not ended, keyed by their next event's time. An event leaves
 * the heap only when no instance still to activate can start before it, so the order is exact: by
 * event time, then instance row, then event index. Memory is one window of instances plus the
 * instances alive at once, whatever the number of events; the price is one pass over the start
 * times per window.
 */
public final class EventTimeMerge {
  static final int BINS = 4096;

  private final CompiledLifecycle lc;
  private final ChildAllocation allocation;
  private final long instances;
  private final int windowInstances;
  private final PriorityQueue<Cursor> active =
      new PriorityQueue<>(
          (a, b) -> {
            int c = Long.compare(a.time(), b.time());
            return c != 0 ? c : Long.compare(a.row, b.row);
          });
  private long min;
  private long binWidth;
  private long[] binCounts;
  private int nextBin; // the first bin not yet loaded
  private long[] window = new long[0]; // rows of the loaded window, by start time
  private long[] windowStarts = new long[0];
  private int windowSize;
  private int windowPos;
  private long emitted;

  /** One started instance: its event times and the next event to emit. */
  private static final class Cursor {
    final long row;
    final long firstChild;
    final long[] times;
    final int count;
    int k;

    Cursor(long row, long firstChild, long[] times, int count) {
      this.row = row;
      this.firstChild = firstChild;
      this.times = times;
      this.count = count;
    }

    long time() {
      return times[k];
    }
  }

  /**
   * @param derived an entity a lifecycle derives (laid out per instance of {@code lc}'s entity)
   * @param windowInstances the most instances one window holds (a bin is never split)
   */
  public EventTimeMerge(CompiledLifecycle lc, CompiledEntity derived, int windowInstances) {
    this.lc = lc;
    this.allocation = derived.allocation();
    this.instances = allocation.parents();
    this.windowInstances = windowInstances;
    histogram();
  }

  private void histogram() {
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (long r = 0; r < instances; r++) {
      long t = lc.startAt(r);
      lo = Math.min(lo, t);
      hi = Math.max(hi, t);
    }
    min = lo;
    binWidth = instances == 0 ? 1 : Math.max(1, (hi - lo) / BINS + 1);
    binCounts = new long[BINS];
    for (long r = 0; r < instances; r++) {
      binCounts[bin(lc.startAt(r))]++;
    }
  }

  private int bin(long t) {
    return (int) Math.min(BINS - 1, (t - min) / binWidth);
  }

  /**
   * The lifecycle whose events entity {@code e} holds, when {@code e} is one of the entities a
   * lifecycle derives; else null.
   */
  public static CompiledLifecycle lifecycleOf(
      java.util.List<CompiledEntity> plan, CompiledEntity e) {
    if (e.allocation() == null) {
      return null;
    }
    for (CompiledEntity p : plan) {
      if (p.name().equals(e.allocation().parent())
          && p.lifecycle() != null
          && e.columns().stream()
              .anyMatch(c -> c.generator() instanceof LifecycleGenerators.PerEvent)) {
        return p.lifecycle();
      }
    }
    return null;
  }

  /** The number of rows emitted so far (the position of the next one in the ordered stream). */
  public long position() {
    return emitted;
  }

  /**
   * Fills {@code rows} (and {@code times}, the rows' event times) with the next rows in event-time
   * order, at most {@code max} of them and none more than {@code span} ms of event time after the
   * first; returns how many (0 at the end).
   */
  public int next(long[] rows, long[] times, int max, long span) {
    int n = 0;
    long limit = Long.MAX_VALUE;
    while (n < max) {
      Cursor c = peek();
      if (c == null || c.time() > limit) {
        break;
      }
      active.poll();
      rows[n] = c.firstChild + c.k;
      times[n] = c.time();
      if (n == 0 && span < Long.MAX_VALUE - times[0]) {
        limit = times[0] + span;
      }
      n++;
      c.k++;
      if (c.k < c.count) {
        active.add(c);
      }
    }
    emitted += n;
    return n;
  }

  /** Skips the first {@code count} rows (a restart from a checkpoint). */
  public void skip(long count) {
    long[] rows = new long[4096];
    long[] times = new long[4096];
    while (emitted < count) {
      if (next(rows, times, (int) Math.min(rows.length, count - emitted), Long.MAX_VALUE) == 0) {
        break;
      }
    }
  }

  /** The next event to emit, after activating every instance that starts no later than it. */
  private Cursor peek() {
    while (true) {
      Cursor top = active.peek();
      if (windowPos < windowSize) {
        if (top == null || windowStarts[windowPos] <= top.time()) {
          activate(window[windowPos++]);
          continue;
        }
        return top;
      }
      if (nextBin >= BINS) {
        return top;
      }
      long nextStart = min + nextBin * binWidth; // no instance left starts earlier
      if (top != null && top.time() < nextStart) {
        return top;
      }
      loadWindow();
    }
  }

  private void activate(long row) {
    History h = lc.history(row, lc.newHistory());
    int count = (int) allocation.children(row);
    if (count == 0) {
      return;
    }
    active.add(new Cursor(row, allocation.firstChild(row), Arrays.copyOf(h.time, count), count));
  }

  private void loadWindow() {
    int first = nextBin;
    long total = 0;
    do {
      total += binCounts[nextBin++];
    } while (nextBin < BINS && total + binCounts[nextBin] <= windowInstances);
    int n = (int) total;
    long[] rows = new long[n];
    long[] starts = new long[n];
    int i = 0;
    for (long r = 0; r < instances && i < n; r++) {
      long t = lc.startAt(r);
      int b = bin(t);
      if (b >= first && b < nextBin) {
        rows[i] = r;
        starts[i++] = t;
      }
    }
    sortByStart(rows, starts, n);
    window = rows;
    windowStarts = starts;
    windowSize = n;
    windowPos = 0;
  }

  /** Sorts (start, row) pairs by start, then row, with one index array. */
  private static void sortByStart(long[] rows, long[] starts, int n) {
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(
        idx,
        (a, b) -> {
          int c = Long.compare(starts[a], starts[b]);
          return c != 0 ? c : Long.compare(rows[a], rows[b]);
        });
    long[] r2 = new long[n];
    long[] s2 = new long[n];
    for (int i = 0; i < n; i++) {
      r2[i] = rows[idx[i]];
      s2[i] = starts[idx[i]];
    }
    System.arraycopy(r2, 0, rows, 0, n);
    System.arraycopy(s2, 0, starts, 0, n);
  }
}
