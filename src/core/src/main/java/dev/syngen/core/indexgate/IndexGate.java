package dev.syngen.core.indexgate;

import dev.syngen.core.fidelity.FidelityReport.Verdict;
import dev.syngen.core.fidelity.Quantiles;
import dev.syngen.core.problem.Problems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The gate's arithmetic: a query's measured executions summarised into a {@link QueryBaseline}, and
 * the decision over two baselines. GO when the average improvement of the queries' p50 latency is
 * above the threshold, enough Sort nodes are gone, and few enough queries got slower.
 */
public final class IndexGate {
  private IndexGate() {}

  /** Summarises the measured executions of one query; {@code plan} is the last one's JSON. */
  public static QueryBaseline summarize(NamedQuery q, List<PlanStats> measured, String plan) {
    if (measured.isEmpty()) {
      throw new IllegalArgumentException("query " + q.name() + " was not measured");
    }
    List<Double> latencies =
        measured.stream().map(s -> round(s.planningMs() + s.executionMs())).toList();
    return new QueryBaseline(
        q.name(),
        q.description(),
        q.sql(),
        latencies,
        quantile(measured, PlanStats::planningMs, 0.5),
        quantile(measured, PlanStats::planningMs, 0.95),
        quantile(measured, PlanStats::executionMs, 0.5),
        quantile(measured, PlanStats::executionMs, 0.95),
        quantile(measured, s -> s.planningMs() + s.executionMs(), 0.5),
        quantile(measured, s -> s.planningMs() + s.executionMs(), 0.95),
        measured.get(measured.size() - 1),
        plan);
  }

  /**
   * Decides over two baselines of the same queries on the same kind of database; throws with every
   * mismatch when they cannot be compared.
   */
  public static GateDecision decide(Baseline before, Baseline after, Thresholds t, Instant now) {
    comparable(before, after);
    Map<String, QueryBaseline> afterByName = new HashMap<>();
    after.queries().forEach(q -> afterByName.put(q.name(), q));
    List<QueryComparison> rows = new ArrayList<>();
    double sum = 0;
    int sortsBefore = 0;
    int sortsAfter = 0;
    int degraded = 0;
    List<String> slower = new ArrayList<>();
    for (QueryBaseline b : before.queries()) {
      QueryComparison c = compare(b, afterByName.get(b.name()), t);
      rows.add(c);
      sum += c.improvementPct();
      sortsBefore += c.sortsBefore();
      sortsAfter += c.sortsAfter();
      if (c.degraded()) {
        degraded++;
        slower.add(c.name() + " (" + pct(-c.improvementPct()) + " slower)");
      }
    }
    double average = round(sum / rows.size());
    double eliminated =
        sortsBefore == 0 ? 100 : round(100.0 * (sortsBefore - sortsAfter) / sortsBefore);
    List<String> reasons = new ArrayList<>();
    if (!(average > t.minImprovementPct())) {
      reasons.add(
          "average improvement "
              + pct(average)
              + " is not above "
              + pct(t.minImprovementPct())
              + " (p50 latency, "
              + rows.size()
              + " queries)");
    }
    if (sortsBefore > 0 && !(eliminated > t.minSortsEliminatedPct())) {
      reasons.add(
          "Sort nodes eliminated "
              + pct(eliminated)
              + " ("
              + sortsBefore
              + " before, "
              + sortsAfter
              + " after) is not above "
              + pct(t.minSortsEliminatedPct()));
    }
    if (degraded > t.maxDegraded()) {
      reasons.add(
          degraded
              + " queries degraded (more than "
              + pct(t.degradedPct())
              + " slower), more than the "
              + t.maxDegraded()
              + " allowed: "
              + String.join(", ", slower));
    }
    return new GateDecision(
        reasons.isEmpty() ? Verdict.GO : Verdict.NO_GO,
        reasons,
        average,
        sortsBefore,
        sortsAfter,
        eliminated,
        degraded,
        t,
        before.dialect(),
        after.target(),
        after.ddl(),
        now,
        rows);
  }

  private static QueryComparison compare(QueryBaseline b, QueryBaseline a, Thresholds t) {
    double improvement =
        b.latencyP50Ms() <= 0
            ? 0
            : round(100 * (b.latencyP50Ms() - a.latencyP50Ms()) / b.latencyP50Ms());
    boolean degraded =
        a.latencyP50Ms() > b.latencyP50Ms() * (1 + t.degradedPct() / 100)
            && a.latencyP50Ms() - b.latencyP50Ms() >= Thresholds.NOISE_MS;
    List<String> notes = new ArrayList<>();
    if (b.stats().rows() == 0 && a.stats().rows() == 0) {
      notes.add("returns no rows: its parameters may not hit the data");
    } else if (b.stats().rows() != a.stats().rows()) {
      notes.add("returned " + b.stats().rows() + " rows before and " + a.stats().rows() + " after");
    }
    if (!b.sql().equals(a.sql())) {
      notes.add("the SQL differs between the baselines");
    }
    if (a.stats().scans("seq") > 0) {
      notes.add("still scans " + a.stats().scans("seq") + " table(s) sequentially");
    }
    return new QueryComparison(
        b.name(),
        b.latencyP50Ms(),
        a.latencyP50Ms(),
        b.latencyP95Ms(),
        a.latencyP95Ms(),
        improvement,
        b.stats().sortNodes(),
        a.stats().sortNodes(),
        b.stats(),
        a.stats(),
        degraded,
        notes);
  }

  private static void comparable(Baseline before, Baseline after) {
    Problems p = new Problems();
    if (!"before".equals(before.phase())) {
      p.add(
          "before",
          "is a '" + before.phase() + "' baseline",
          "pass a baseline captured before the DDL");
    }
    if (before.dialect() != after.dialect()) {
      p.add(
          "after",
          "was captured on "
              + after.dialect().label()
              + ", the before baseline on "
              + before.dialect().label(),
          "compare baselines of the same database kind");
    }
    if (before.queries().isEmpty()) {
      p.add("before", "holds no queries", "capture a baseline of a query set");
    }
    List<String> b = before.names();
    List<String> a = after.names();
    List<String> missing = b.stream().filter(n -> !a.contains(n)).toList();
    List<String> extra = a.stream().filter(n -> !b.contains(n)).toList();
    if (!missing.isEmpty() || !extra.isEmpty()) {
      p.add(
          "after",
          "does not measure the same queries"
              + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing))
              + (extra.isEmpty() ? "" : "; not in before: " + String.join(", ", extra)),
          "capture both baselines with the same query set");
    }
    p.throwIfAny("index gate baselines");
  }

  private static double quantile(List<PlanStats> s, ToDoubleFunction<PlanStats> f, double q) {
    double[] v = s.stream().mapToDouble(f).toArray();
    Arrays.sort(v);
    return round(Quantiles.at(v, q));
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  static String pct(double v) {
    return String.format(java.util.Locale.ROOT, "%.1f %%", v);
  }
}
