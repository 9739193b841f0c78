package dev.syngen.core.lifecycle;

import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.generate.ChildAllocation;
import dev.syngen.core.plan.CompiledEntity;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of an entity a lifecycle derives, in event-time order across all instances, with bounded
 * memory: a time-bucketed merge, not a sort of everything.
 *
 * <p>A first pass over the instances' start times (one cell each) builds a histogram of 4,096 time
 * bins, grouped into windows of at most {@code windowInstances} instances. For each window in turn,
 * a pass over the instances in row order computes the rows of those that start in it (in row order,
 * so the layout's block caches stay warm) and sorts them by start time; they are activated in that
 * order into a heap of instances that have started and not ended, keyed by their next event's time.
 * An event leaves the heap only when no instance still to activate can start before it, so the
 * order is exact: by event time, then instance row, then event index. Memory is one window of
 * instances plus the instances alive at once, whatever the number of events; the price is one pass
 * over the start times per window.
 */
public final class EventTimeMerge {
  static final int BINS = 4096;

  /** Instances one window holds at most in a run (a bin is never split). */
  public static final int WINDOW_INSTANCES = 1 << 14;

  private final CompiledLifecycle lc;
  private final CompiledEntity entity;
  private final ChildAllocation allocation;
  private final long instances;
  private final int windowInstances;
  private final CursorHeap active = new CursorHeap();
  private long min;
  private long binWidth;
  private long[] binCounts;
  private int nextBin; // the first bin not yet loaded
  private Cursor[] window = new Cursor[0]; // instances of the loaded window, by start time
  private int windowSize;
  private int windowPos;
  private long emitted;
  private long buffered; // events of loaded instances not yet emitted
  private long bufferedHighWater;

  /** One instance of a loaded window: its rows, their event times, the next one to emit. */
  private static final class Cursor {
    final long row;
    final RowBatch rows;
    final long[] times;
    int k;
    long time; // times[k], kept here so the heap compares without following the array

    Cursor(long row, RowBatch rows, long[] times) {
      this.row = row;
      this.rows = rows;
      this.times = times;
      this.time = times[0];
    }

    /** Moves on to the next event; false when there is none. */
    boolean advance() {
      if (++k < times.length) {
        time = times[k];
        return true;
      }
      return false;
    }

    boolean before(Cursor o) {
      return time < o.time || (time == o.time && row < o.row);
    }
  }

  /**
   * A binary min-heap of cursors by (next event time, row). When the top cursor moves on, one sift
   * down puts it back in place (a priority queue would remove it and add it again).
   */
  private static final class CursorHeap {
    private Cursor[] heap = new Cursor[64];
    private int size;

    Cursor peek() {
      return size == 0 ? null : heap[0];
    }

    void add(Cursor c) {
      if (size == heap.length) {
        heap = Arrays.copyOf(heap, size * 2);
      }
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (!c.before(heap[parent])) {
          break;
        }
        heap[i] = heap[parent];
        i = parent;
      }
      heap[i] = c;
    }

    /**
     * Restores the order after the top cursor advanced, or removes it when it had no event left.
     */
    void topAdvanced(boolean more) {
      Cursor c = heap[0];
      if (!more) {
        c = heap[--size];
        heap[size] = null;
        if (size == 0) {
          return;
        }
      }
      int i = 0;
      int half = size >>> 1;
      while (i < half) {
        int child = 2 * i + 1;
        if (child + 1 < size && heap[child + 1].before(heap[child])) {
          child++;
        }
        if (!heap[child].before(c)) {
          break;
        }
        heap[i] = heap[child];
        i = child;
      }
      heap[i] = c;
    }
  }

  /**
   * @param derived an entity a lifecycle derives (laid out per instance of {@code lc}'s entity)
   * @param windowInstances the most instances one window holds (a bin is never split)
   */
  public EventTimeMerge(CompiledLifecycle lc, CompiledEntity derived, int windowInstances) {
    this.lc = lc;
    this.entity = derived;
    this.allocation = derived.allocation();
    this.instances = allocation.parents();
    this.windowInstances = windowInstances;
    histogram();
  }

  /**
   * The lifecycle whose events entity {@code e} holds, when {@code e} is one of the entities a
   * lifecycle derives; else null.
   */
  public static CompiledLifecycle lifecycleOf(List<CompiledEntity> plan, CompiledEntity e) {
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
   * The most events held at once so far (rows of loaded instances not yet emitted): one window of
   * instances plus the instances alive at once, whatever the length of the stream.
   */
  public long bufferedHighWater() {
    return bufferedHighWater;
  }

  /** The number of rows emitted so far (the position of the next one in the ordered stream). */
  public long position() {
    return emitted;
  }

  /**
   * Copies the next rows in event-time order into {@code out} (as stream positions {@link
   * #position()} on), at most {@code max} of them and none more than {@code span} ms of event time
   * after the first; {@code times} receives their event times, {@code instances} and {@code ranks}
   * (when not null) their instance rows and event indexes. Returns how many (0 at the end).
   */
  public int next(RowBatch out, long[] times, long[] instances, long[] ranks, int max, long span) {
    int n = 0;
    long limit = Long.MAX_VALUE;
    out.reset(emitted);
    while (n < max) {
      Cursor c = peek();
      if (c == null || c.time > limit) {
        break;
      }
      times[n] = c.time;
      if (instances != null) {
        instances[n] = c.row;
        ranks[n] = c.k;
      }
      out.append(c.rows, c.k);
      if (n == 0 && span < Long.MAX_VALUE - times[0]) {
        limit = times[0] + span;
      }
      n++;
      active.topAdvanced(c.advance());
    }
    emitted += n;
    buffered -= n;
    return n;
  }

  /** Skips the first {@code count} rows (a restart from a checkpoint). */
  public void skip(long count) {
    RowBatch scratch = new RowBatch(entity, 4096);
    long[] t = new long[4096];
    while (emitted < count) {
      int max = (int) Math.min(4096, count - emitted);
      if (next(scratch, t, null, null, max, Long.MAX_VALUE) == 0) {
        break;
      }
    }
  }

  /** The next event to emit, after activating every instance that starts no later than it. */
  private Cursor peek() {
    while (true) {
      Cursor top = active.peek();
      if (windowPos < windowSize) {
        Cursor w = window[windowPos];
        if (top == null || w.time <= top.time) {
          window[windowPos++] = null;
          active.add(w);
          continue;
        }
        return top;
      }
      if (nextBin >= BINS) {
        return top;
      }
      long nextStart = min + nextBin * binWidth; // no instance left starts earlier
      if (top != null && top.time < nextStart) {
        return top;
      }
      loadWindow();
    }
  }

  /**
   * The rows of instance r, filled with the layout hinted (rows 0 … count − 1 are its events), so
   * nothing looks up where the instance's rows sit: that would cost a block of instances' histories
   * whenever the window's instances, scattered over the rows, cross a block.
   */
  private RowBatch rows(long r, int count) {
    allocation.hintParent(r, count);
    try {
      return new RowBatch(entity, count).fill(0, count);
    } finally {
      allocation.clearHint();
    }
  }

  private void loadWindow() {
    int first = nextBin;
    long total = 0;
    do {
      total += binCounts[nextBin++];
    } while (nextBin < BINS && total + binCounts[nextBin] <= windowInstances);
    Cursor[] loaded = new Cursor[(int) total];
    int n = 0;
    for (long r = 0; r < instances && n < loaded.length; r++) {
      int b = bin(lc.startAt(r));
      if (b >= first && b < nextBin) {
        int count = (int) allocation.count(r);
        if (count > 0) {
          loaded[n++] = new Cursor(r, rows(r, count), Arrays.copyOf(lc.history(r).time, count));
          buffered += count;
        } else {
          total--;
        }
      }
    }
    Arrays.sort(
        loaded,
        0,
        n,
        (a, b) -> {
          int c = Long.compare(a.time, b.time);
          return c != 0 ? c : Long.compare(a.row, b.row);
        });
    bufferedHighWater = Math.max(bufferedHighWater, buffered);
    window = loaded;
    windowSize = n;
    windowPos = 0;
  }
}
