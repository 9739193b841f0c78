package dev.syngen.core.fidelity;

import dev.syngen.core.fidelity.Check.Status;
import dev.syngen.core.generate.Conversions;
import dev.syngen.core.generate.Distributed;
import dev.syngen.core.lifecycle.CompiledLifecycle;
import dev.syngen.core.random.Law;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.LifecycleEntities;
import dev.syngen.core.sink.SinkException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a lifecycle's events table in one scan, in whatever order it was written (instance by
 * instance, or merged in event-time order): every history starts in the initial state, only
 * declared transitions happen and none after a terminal state; each state's transition shares
 * follow its declared probabilities (chi-square); each state's dwell times follow its dwell law
 * (KS); and, when histories are not cut by {@code until}, the terminal states' shares follow the
 * absorption probabilities of the chain. Memory holds only the instances not yet ended.
 *
 * <p>A shaped state's dwell is measured on its activity curve (the time the curve counts between
 * entering and leaving), which is exactly what was drawn, so the KS test stays exact; and no stay
 * may end in an hour, weekday or month of weight 0. The hour-of-day shares of the leaving times are
 * not tested against the weights: they also depend on when instances enter the state.
 */
final class LifecycleChecks {
  private static final int MAX_DWELLS = 200_000;

  private final FidelityPlan.LifecyclePlan plan;
  private final CompiledLifecycle lc;
  private final LawChecks laws;
  private final int n;
  private final long[][] transitions;
  private final double[][] dwells;
  private final int[] dwellCount;
  private final long[] ended;
  private final long[] inactive; // state -> stays that ended where its shape has weight 0
  private final long[] firstInactive;
  private double longest;
  private long afterTerminal;
  private long undeclared;
  private long badStart;
  private String firstUndeclared;

  /** An instance seen and not yet ended: its last event. */
  private record Open(long index, int state, long time) {}

  LifecycleChecks(FidelityPlan.LifecyclePlan plan, LawChecks laws) {
    this.plan = plan;
    this.lc = plan.lifecycle();
    this.laws = laws;
    this.n = lc.stateCount();
    this.transitions = new long[n][n];
    this.dwells = new double[n][];
    this.dwellCount = new int[n];
    this.ended = new long[n];
    this.inactive = new long[n];
    this.firstInactive = new long[n];
  }

  List<Check> run(TableSource source) {
    Map<String, Integer> states = new HashMap<>();
    for (int s = 0; s < n; s++) {
      states.put(lc.stateName(s), s);
    }
    Map<String, Open> open = new HashMap<>();
    long cutoff = cutoff();
    try {
      source.scan(
          plan.table(),
          List.of(
              plan.keyColumn(),
              LifecycleEntities.INDEX,
              LifecycleEntities.FROM,
              LifecycleEntities.TO,
              LifecycleEntities.TIME),
          null,
          v -> row(v, states, open, cutoff));
    } catch (SinkException e) {
      return List.of(Check.unreadable("lifecycle", plan.entity(), plan.table(), e.getMessage()));
    }
    List<Check> out = new ArrayList<>();
    out.add(order());
    for (int s = 0; s < n; s++) {
      if (!lc.terminal(s)) {
        out.add(transitions(s));
        out.add(dwell(s));
        if (lc.shape(s) != null) {
          out.add(shape(s));
        }
      }
    }
    out.add(terminalShares());
    return out;
  }

  /** Stays entered after this instant may be cut by {@code until}: they are left out. */
  private long cutoff() {
    if (!lc.hasUntil()) {
      return Long.MAX_VALUE;
    }
    longest = 0;
    for (int s = 0; s < n; s++) {
      Law law = law(s);
      if (law instanceof Law.Continuous c) {
        longest = Math.max(longest, c.distribution().inverseCumulativeProbability(0.999));
      } else if (law instanceof Law.Discrete d) {
        longest = Math.max(longest, d.distribution().inverseCumulativeProbability(0.999));
      }
    }
    return lc.until() - (long) Math.ceil(longest * lc.unitMillis());
  }

  private void row(String[] v, Map<String, Integer> states, Map<String, Open> open, long cutoff) {
    String key = v[0];
    long index = Long.parseLong(v[1]);
    Integer to = states.get(v[3]);
    Integer from = v[2] == null ? null : states.get(v[2]);
    long time = Instant.parse(v[4]).toEpochMilli();
    if (to == null || (v[2] != null && from == null)) {
      undeclared++;
      firstUndeclared = firstUndeclared == null ? v[2] + " → " + v[3] : firstUndeclared;
      return;
    }
    if (index == 0) {
      if (from != null || to != lc.initial()) {
        badStart++;
      }
    } else if (from != null) {
      if (lc.terminal(from)) {
        afterTerminal++;
      } else if (!(lc.probability(from, to) > 0) && !conditional(from, to)) {
        undeclared++;
        firstUndeclared = firstUndeclared == null ? v[2] + " → " + v[3] : firstUndeclared;
      }
      if (from < n && to < n) {
        transitions[from][to]++;
      }
      Open prev = open.get(key);
      if (lc.shape(from) != null && !lc.shape(from).active(time)) {
        firstInactive[from] = inactive[from]++ == 0 ? time : firstInactive[from];
      }
      if (prev != null
          && prev.index == index - 1
          && prev.state == from
          && uncut(from, prev.time, cutoff)) {
        addDwell(from, lc.dwellUnits(from, prev.time, time));
      }
    }
    if (lc.terminal(to)) {
      ended[to]++;
      open.remove(key);
    } else {
      open.put(key, new Open(index, to, time));
    }
  }

  /**
   * True when a stay in s entered at {@code t} cannot have been cut by {@code until}: entered
   * before the cutoff, or, on a shaped state, with at least the longest dwell of activity left.
   */
  private boolean uncut(int s, long t, long cutoff) {
    if (lc.shape(s) == null || !lc.hasUntil()) {
      return t <= cutoff;
    }
    return t <= lc.until() && lc.dwellUnits(s, t, lc.until()) >= longest;
  }

  /** No stay in a shaped state ends where its shape has weight 0. */
  private Check shape(int s) {
    boolean clean = inactive[s] == 0;
    String message =
        clean
            ? "every stay ends in an hour, weekday and month its shape allows"
            : inactive[s]
                + " stays in "
                + lc.stateName(s)
                + " end where its shape has weight 0 (first at "
                + Instant.ofEpochMilli(firstInactive[s])
                + ")";
    return new Check(
        "dwell_shape",
        plan.entity() + " leaving " + lc.stateName(s),
        "no stay ends in an hour, weekday or month of weight 0",
        String.valueOf(inactive[s]),
        null,
        null,
        null,
        null,
        clean ? Status.PASS : Status.FAIL,
        message,
        null);
  }

  /** True when s has conditional branches (each may name t): shares then depend on columns. */
  private boolean conditional(int s, int t) {
    return Double.isNaN(lc.probability(s, t));
  }

  private void addDwell(int s, double d) {
    if (dwells[s] == null) {
      dwells[s] = new double[1024];
    }
    if (dwellCount[s] < MAX_DWELLS) {
      if (dwellCount[s] == dwells[s].length) {
        dwells[s] = java.util.Arrays.copyOf(dwells[s], dwells[s].length * 2);
      }
      dwells[s][dwellCount[s]++] = d;
    }
  }

  private Law law(int s) {
    return lc.dwell(s) != null && Conversions.unwrap(lc.dwell(s)) instanceof Distributed d
        ? d.law()
        : null;
  }

  private Check order() {
    long bad = afterTerminal + undeclared + badStart;
    String observed =
        afterTerminal
            + " after a terminal state, "
            + undeclared
            + " undeclared transitions, "
            + badStart
            + " not starting in '"
            + lc.stateName(lc.initial())
            + "'";
    return new Check(
        "lifecycle_order",
        plan.entity(),
        "histories follow the declared machine",
        observed,
        null,
        null,
        (double) bad,
        0.0,
        bad == 0 ? Status.PASS : Status.FAIL,
        bad == 0
            ? "every history starts in the initial state and takes declared transitions only"
            : "histories break the machine"
                + (firstUndeclared == null ? "" : ", e.g. " + firstUndeclared)
                + (afterTerminal > 0 ? ", events after a terminal state" : ""),
        null);
  }

  private Check transitions(int s) {
    String subject = plan.entity() + " from " + lc.stateName(s);
    long total = 0;
    Map<String, Long> counts = new LinkedHashMap<>();
    for (int t = 0; t < n; t++) {
      total += transitions[s][t];
      if (transitions[s][t] > 0) {
        counts.put(lc.stateName(t), transitions[s][t]);
      }
    }
    if (conditional(s, 0)) {
      return skip("transition_shares", subject, "its branches depend on the instance's columns");
    }
    if (total == 0) {
      return skip("transition_shares", subject, "no transition out of it was written");
    }
    List<String> names = new ArrayList<>();
    List<Double> p = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      if (lc.probability(s, t) > 0) {
        names.add(lc.stateName(t));
        p.add(lc.probability(s, t));
      }
    }
    Law.Categorical law = new Law.Categorical("transitions from " + lc.stateName(s), names, p);
    Check c = laws.categorical(subject, law, counts, total, plan.band());
    return withKind(c, "transition_shares");
  }

  private Check dwell(int s) {
    String subject = plan.entity() + " in " + lc.stateName(s);
    Law law = law(s);
    if (dwellCount[s] < 20) {
      return skip("dwell_time", subject, "fewer than 20 completed stays were written");
    }
    double[] x = java.util.Arrays.copyOf(dwells[s], dwellCount[s]);
    if (law instanceof Law.Continuous c) {
      return withKind(laws.continuous(subject, ColumnType.DOUBLE, c, x, plan.band()), "dwell_time");
    }
    if (law instanceof Law.Discrete d) {
      long[] whole = new long[x.length];
      for (int i = 0; i < x.length; i++) {
        whole[i] = Math.round(x[i]);
      }
      return laws.discrete(subject, ColumnType.BIGINT, d, whole, plan.band(), "dwell_time");
    }
    return skip("dwell_time", subject, "its dwell generator declares no law");
  }

  private Check terminalShares() {
    String subject = plan.entity() + " ends";
    if (lc.hasUntil()) {
      return skip("terminal_shares", subject, "histories are cut at until, so ends are biased");
    }
    double[] absorb = absorption();
    if (absorb == null) {
      return skip("terminal_shares", subject, "branches depend on the instance's columns");
    }
    List<String> names = new ArrayList<>();
    List<Double> p = new ArrayList<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    long total = 0;
    for (int s = 0; s < n; s++) {
      if (lc.terminal(s) && absorb[s] > 0) {
        names.add(lc.stateName(s));
        p.add(absorb[s]);
      }
      if (ended[s] > 0) {
        counts.put(lc.stateName(s), ended[s]);
        total += ended[s];
      }
    }
    if (total == 0) {
      return skip("terminal_shares", subject, "no history reached a terminal state");
    }
    Law.Categorical law = new Law.Categorical("absorption probabilities", names, p);
    return withKind(laws.categorical(subject, law, counts, total, plan.band()), "terminal_shares");
  }

  /** The probability of ending in each state, by iterating the chain from the initial state. */
  private double[] absorption() {
    double[] mass = new double[n];
    mass[lc.initial()] = 1;
    double[] done = new double[n];
    for (int step = 0; step < 10_000; step++) {
      double[] next = new double[n];
      double moving = 0;
      for (int s = 0; s < n; s++) {
        if (mass[s] == 0) {
          continue;
        }
        if (lc.terminal(s)) {
          done[s] += mass[s];
          continue;
        }
        for (int t = 0; t < n; t++) {
          double p = lc.probability(s, t);
          if (Double.isNaN(p)) {
            return null;
          }
          next[t] += mass[s] * p;
          moving += mass[s] * p;
        }
      }
      mass = next;
      if (moving < 1e-12) {
        break;
      }
    }
    return done;
  }

  private static Check withKind(Check c, String kind) {
    return new Check(
        kind,
        c.subject(),
        c.expected(),
        c.observed(),
        c.statistic(),
        c.pValue(),
        c.deviation(),
        c.allowed(),
        c.status(),
        c.message(),
        c.chart());
  }

  private static Check skip(String kind, String subject, String why) {
    return new Check(kind, subject, "", "", null, null, null, null, Status.SKIP, why, null);
  }
}
