package dev.syngen.core.fidelity;

import dev.syngen.core.fidelity.Check.Status;
import dev.syngen.core.fidelity.FidelityPlan.ColumnPlan;
import dev.syngen.core.profile.Arrivals;
import dev.syngen.core.random.Law;
import dev.syngen.core.scenario.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The checks of one column on a table's sample: null rate, law, percentiles, shares, correlation.
 */
final class ColumnChecks {
  private final LawChecks laws;
  private final List<String[]> rows;
  private final Map<String, Integer> index;

  ColumnChecks(LawChecks laws, List<String[]> rows, Map<String, Integer> index) {
    this.laws = laws;
    this.rows = rows;
    this.index = index;
  }

  List<Check> check(String subject, ColumnPlan c) {
    List<Check> out = new ArrayList<>();
    int i = index.get(c.column());
    List<String> present = new ArrayList<>();
    for (String[] r : rows) {
      if (r[i] != null) {
        present.add(r[i]);
      }
    }
    long nulls = rows.size() - present.size();
    boolean quiet = c.nullRate() != null && c.nullRate() == 0 && nulls == 0; // not-null and none
    if (c.nullRate() != null && !rows.isEmpty() && !quiet) {
      out.add(
          ValueChecks.nullRate(subject, c.nullRate(), nulls, rows.size(), c.band(), laws.alpha()));
    }
    boolean numeric =
        c.law() instanceof Law.Continuous
            || c.law() instanceof Law.Discrete
            || !c.percentiles().isEmpty()
            || c.correlatedWith() != null
            || !c.hourShares().isEmpty()
            || !c.weekdayShares().isEmpty();
    boolean categories = c.law() instanceof Law.Categorical || !c.shares().isEmpty();
    if (!numeric && !categories) {
      return out;
    }
    if (present.isEmpty()) {
      out.add(
          new Check(
              "distribution",
              subject,
              "values",
              "none",
              null,
              null,
              null,
              null,
              Status.SKIP,
              "no non-NULL values in the sample",
              null));
      return out;
    }
    if (numeric) {
      double[] x = numbers(subject, c, present, out);
      if (x == null) {
        return out;
      }
      if (c.law() instanceof Law.Continuous law) {
        out.add(laws.continuous(subject, c.type(), law, x, c.band()));
      } else if (c.law() instanceof Law.Discrete law) {
        out.add(
            laws.discrete(
                subject,
                c.type(),
                law,
                Arrays.stream(x).mapToLong(Math::round).toArray(),
                c.band(),
                "distribution"));
      }
      if (!c.percentiles().isEmpty()) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        out.add(
            ValueChecks.percentiles(
                subject,
                c.type(),
                c.percentiles(),
                sorted,
                spread(c.law(), c.percentiles()),
                c.band(),
                laws.alpha()));
      }
      if (c.correlatedWith() != null) {
        out.add(correlation(subject, c));
      }
      if (c.type() == ColumnType.TIMESTAMP) {
        arrivals(subject, c, x, out);
      }
    }
    if (categories) {
      List<String> keys = present.stream().map(v -> Cells.category(c.type(), v)).toList();
      Map<String, Long> counts = LawChecks.counts(keys);
      if (c.law() instanceof Law.Categorical law) {
        out.add(laws.categorical(subject, law, counts, keys.size(), c.band()));
      }
      if (!c.shares().isEmpty()) {
        out.add(
            ValueChecks.shares(subject, c.shares(), counts, keys.size(), c.band(), laws.alpha()));
      }
    }
    return out;
  }

  /**
   * The hour-of-day and weekday shares (UTC) against the declared ones, with the same share check
   * as categories.
   */
  private void arrivals(String subject, ColumnPlan c, double[] millis, List<Check> out) {
    calendarShares(
        subject + " hour of day", c, c.hourShares(), millis, Arrivals.HOURS, Arrivals::hour, out);
    calendarShares(
        subject + " weekday",
        c,
        c.weekdayShares(),
        millis,
        Arrivals.WEEKDAYS,
        Arrivals::weekday,
        out);
  }

  /** The share check of one calendar bucketing ({@code bucket} indexes {@code labels}). */
  private void calendarShares(
      String subject,
      ColumnPlan c,
      Map<String, Double> declared,
      double[] millis,
      List<String> labels,
      java.util.function.LongToIntFunction bucket,
      List<Check> out) {
    if (declared.isEmpty()) {
      return;
    }
    Map<String, Long> counts = new java.util.HashMap<>();
    for (double t : millis) {
      counts.merge(labels.get(bucket.applyAsInt((long) t)), 1L, Long::sum);
    }
    out.add(ValueChecks.shares(subject, declared, counts, millis.length, c.band(), laws.alpha()));
  }

  private static double[] numbers(
      String subject, ColumnPlan c, List<String> present, List<Check> out) {
    double[] x = new double[present.size()];
    long bad = 0;
    String example = null;
    for (int k = 0; k < x.length; k++) {
      Double v = Cells.number(c.type(), present.get(k));
      if (v == null || v.isNaN()) {
        bad++;
        example = example == null ? present.get(k) : example;
      } else {
        x[k] = v;
      }
    }
    if (bad > 0) {
      out.add(ValueChecks.unreadable(subject, c.type(), bad, present.size(), example));
      return null;
    }
    return x;
  }

  private Check correlation(String subject, ColumnPlan c) {
    int a = index.get(c.correlatedWith());
    int b = index.get(c.column());
    List<double[]> pairs = new ArrayList<>();
    for (String[] r : rows) {
      if (r[a] != null && r[b] != null) {
        Double x = Cells.number(c.type(), r[a]);
        Double y = Cells.number(c.type(), r[b]);
        if (x != null && y != null) {
          pairs.add(new double[] {x, y});
        }
      }
    }
    double[] xs = pairs.stream().mapToDouble(p -> p[0]).toArray();
    double[] ys = pairs.stream().mapToDouble(p -> p[1]).toArray();
    return ValueChecks.correlation(
        subject, c.correlatedWith(), c.expectedSpearman(), xs, ys, c.band(), laws.alpha());
  }

  /**
   * What percentile deviations are measured against: the law's 5–95% range, else the declared
   * range.
   */
  static double spread(Law law, Map<Double, Double> percentiles) {
    double s = 0;
    if (law instanceof Law.Continuous l) {
      s =
          l.distribution().inverseCumulativeProbability(0.95)
              - l.distribution().inverseCumulativeProbability(0.05);
    } else if (law instanceof Law.Discrete l) {
      s =
          l.distribution().inverseCumulativeProbability(0.95)
              - l.distribution().inverseCumulativeProbability(0.05);
    }
    if (!(s > 0) && percentiles.size() >= 2) {
      double min = percentiles.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
      double max = percentiles.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
      s = max - min;
    }
    if (!(s > 0)) {
      s = percentiles.values().stream().mapToDouble(v -> Math.abs(v)).max().orElse(1);
    }
    return s > 0 ? s : 1;
  }
}
