package dev.syngen.core.lifecycle;

import dev.syngen.core.generate.ColumnRef;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.random.IntensityCurve;
import dev.syngen.core.scenario.ColumnType;
import java.util.List;

/**
 * A lifecycle bound for execution. An instance's history is computed from its row alone: its start
 * time is the start column's cell, the dwell of event k is the state's dwell generator at (its key
 * mixed with k, row) — counted on the state's activity curve when it has a shape — and the branch
 * choice of event k is draw k of (choice key, row). So any instance's history is computed in
 * O(events), in any order, on any thread.
 */
public final class CompiledLifecycle {
  /** Where a tracked column's value comes from when a state is entered. */
  record Setter(int slot, Generator generator, long key) {
    boolean eventTime() {
      return generator == null;
    }
  }

  /** One transition branch: taken when {@code when} is null or true at the instance row. */
  record Branch(Generator when, long whenKey, int[] to, double[] cumulative) {}

  private final String entity;
  private final String[] states;
  private final int initial;
  private final boolean[] delete;
  private final Generator[] dwell;
  private final long[] dwellKeys;
  private final IntensityCurve[] shapes; // state -> the curve its dwell is counted on, or null
  private final long unitMillis;
  private final Branch[][] branches;
  private final long choiceKey;
  private final ColumnRef start;
  private final long until;
  private final int maxEvents;
  private final List<ColumnRef> columns;
  private final int[] tracked; // slot -> column index
  private final Setter[][] setters; // state -> setters
  private final int keyColumn;
  private final boolean finalRow;
  private final ThreadLocal<History> scratch;

  CompiledLifecycle(
      String entity,
      String[] states,
      int initial,
      boolean[] delete,
      Generator[] dwell,
      long[] dwellKeys,
      IntensityCurve[] shapes,
      long unitMillis,
      Branch[][] branches,
      long choiceKey,
      ColumnRef start,
      long until,
      int maxEvents,
      List<ColumnRef> columns,
      int[] tracked,
      Setter[][] setters,
      int keyColumn,
      boolean finalRow) {
    this.entity = entity;
    this.states = states;
    this.initial = initial;
    this.delete = delete;
    this.dwell = dwell;
    this.dwellKeys = dwellKeys;
    this.shapes = shapes;
    this.unitMillis = unitMillis;
    this.branches = branches;
    this.choiceKey = choiceKey;
    this.start = start;
    this.until = until;
    this.maxEvents = maxEvents;
    this.columns = List.copyOf(columns);
    this.tracked = tracked;
    this.setters = setters;
    this.keyColumn = keyColumn;
    this.finalRow = finalRow;
    this.scratch = ThreadLocal.withInitial(() -> new History(16));
  }

  public String entity() {
    return entity;
  }

  public int stateCount() {
    return states.length;
  }

  public String stateName(int s) {
    return states[s];
  }

  public int initial() {
    return initial;
  }

  public boolean terminal(int s) {
    return branches[s].length == 0;
  }

  public boolean deletes(int s) {
    return delete[s];
  }

  /** The columns of the entity (raw: the values each instance is created with). */
  public List<ColumnRef> columns() {
    return columns;
  }

  public int keyColumn() {
    return keyColumn;
  }

  public boolean finalRow() {
    return finalRow;
  }

  /** The slot of column {@code c} among the tracked (set) columns, or -1. */
  public int slotOf(int column) {
    for (int s = 0; s < tracked.length; s++) {
      if (tracked[s] == column) {
        return s;
      }
    }
    return -1;
  }

  /** Milliseconds per dwell unit. */
  public long unitMillis() {
    return unitMillis;
  }

  /** The dwell generator of state s (null for a terminal state). */
  public Generator dwell(int s) {
    return dwell[s];
  }

  /**
   * The activity curve state s's dwell is counted on (its {@code shape}), or null when the dwell
   * runs on the clock.
   */
  public IntensityCurve shape(int s) {
    return shapes[s];
  }

  /**
   * The time an instance that entered state s at {@code t} leaves it after a dwell of {@code
   * millis}: t + millis on the clock, or, for a shaped state, the instant by which millis of the
   * shape's activity have passed (never in an hour, weekday or month of weight 0).
   */
  public long leave(int s, long t, long millis) {
    return shapes[s] == null ? t + millis : shapes[s].advance(t, millis);
  }

  /** The dwell (in dwell units) of a stay in s from {@code from} to {@code to}, as drawn. */
  public double dwellUnits(int s, long from, long to) {
    double millis = shapes[s] == null ? to - from : shapes[s].activeMillis(from, to);
    return millis / unitMillis;
  }

  /**
   * The declared probability of moving from s to t, when s has a single (unconditional) branch; NaN
   * when the choice depends on the instance's columns.
   */
  public double probability(int s, int t) {
    if (branches[s].length != 1) {
      return Double.NaN;
    }
    Branch b = branches[s][0];
    double prev = 0;
    double p = 0;
    for (int i = 0; i < b.to.length; i++) {
      if (b.to[i] == t) {
        p += b.cumulative[i] - prev;
      }
      prev = b.cumulative[i];
    }
    return p;
  }

  /** The instant after which no event happens, or Long.MAX_VALUE. */
  public long until() {
    return until;
  }

  /** True when histories may be cut before a terminal state by {@code until}. */
  public boolean hasUntil() {
    return until != Long.MAX_VALUE;
  }

  /** The time instance {@code row} enters the initial state: its first event's time. */
  public long startAt(long row) {
    long v = start.generator().longAt(start.key(), row);
    return start.type() == ColumnType.DATE ? v * 86_400_000L : v; // a date starts at 00:00 UTC
  }

  /** A history object of the caller's own (the scratch one is shared by this thread). */
  public History newHistory() {
    return new History(16);
  }

  /** The history of instance {@code row}, in this thread's scratch object. */
  public History history(long row) {
    History h = scratch.get();
    return h.row == row ? h : history(row, h);
  }

  /** Computes the history of instance {@code row} into {@code h}. */
  public History history(long row, History h) {
    h.row = row;
    h.size = 0;
    h.cut = false;
    long t = startAt(row);
    int s = initial;
    h.add(s, t);
    while (!terminal(s)) {
      int k = h.size;
      if (k >= maxEvents) {
        h.cut = true;
        break;
      }
      double d = dwell[s].doubleAt(CellRandom.mix(dwellKeys[s] + k), row);
      long next = leave(s, t, Math.max(0, Math.round(d * unitMillis)));
      if (next > until) {
        h.cut = true;
        break;
      }
      s = choose(s, row, k);
      t = next;
      h.add(s, t);
    }
    return h;
  }

  private int choose(int s, long row, int k) {
    for (Branch b : branches[s]) {
      if (b.when == null || b.when.longAt(b.whenKey, row) != 0) {
        double u = CellRandom.unit(choiceKey, row, k);
        for (int i = 0; i < b.to.length; i++) {
          if (u < b.cumulative[i]) {
            return b.to[i];
          }
        }
        return b.to[b.to.length - 1];
      }
    }
    throw new IllegalStateException("no branch of state " + states[s] + " applies");
  }

  /**
   * Which event last set column {@code column} at or before event k: its index, or -1 when the
   * column still has its created value (or is not tracked).
   */
  public int source(History h, int column, int k) {
    int slot = slotOf(column);
    if (slot < 0) {
      return -1;
    }
    for (int m = k; m >= 0; m--) {
      for (Setter st : setters[h.state[m]]) {
        if (st.slot == slot) {
          return m;
        }
      }
    }
    return -1;
  }

  private Setter setter(History h, int column, int m) {
    int slot = slotOf(column);
    for (Setter st : setters[h.state[m]]) {
      if (st.slot == slot) {
        return st;
      }
    }
    throw new IllegalStateException("event " + m + " sets no column " + column);
  }

  /** Column {@code c}'s value after event k (LONG, BOOL, TIMESTAMP, DATE, UUID high half). */
  public long longAt(History h, int c, int k) {
    int m = source(h, c, k);
    ColumnRef col = columns.get(c);
    if (m < 0) {
      return col.generator().longAt(col.key(), h.row);
    }
    Setter st = setter(h, c, m);
    return st.eventTime() ? h.time[m] : st.generator.longAt(setKey(st, m), h.row);
  }

  public long uuidLowAt(History h, int c, int k) {
    int m = source(h, c, k);
    ColumnRef col = columns.get(c);
    return m < 0
        ? col.generator().uuidLowAt(col.key(), h.row)
        : setter(h, c, m).generator.uuidLowAt(setKey(setter(h, c, m), m), h.row);
  }

  public double doubleAt(History h, int c, int k) {
    int m = source(h, c, k);
    ColumnRef col = columns.get(c);
    return m < 0
        ? col.generator().doubleAt(col.key(), h.row)
        : setter(h, c, m).generator.doubleAt(setKey(setter(h, c, m), m), h.row);
  }

  public String stringAt(History h, int c, int k) {
    int m = source(h, c, k);
    ColumnRef col = columns.get(c);
    return m < 0
        ? col.generator().stringAt(col.key(), h.row)
        : setter(h, c, m).generator.stringAt(setKey(setter(h, c, m), m), h.row);
  }

  /** True when column c is NULL after event k (only a created value can be NULL). */
  public boolean nullAt(History h, int c, int k) {
    if (source(h, c, k) >= 0) {
      return false;
    }
    ColumnRef col = columns.get(c);
    return col.nullRate() > 0
        && CellRandom.unit(col.key(), h.row, CellRandom.NULL_DRAW) < col.nullRate();
  }

  private static long setKey(Setter st, int m) {
    return CellRandom.mix(st.key + m);
  }
}
