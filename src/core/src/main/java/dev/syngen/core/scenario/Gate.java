package dev.syngen.core.scenario;

import java.util.List;
import java.util.Map;

/**
 * A release gate over generated data, declared under {@code expectations.gate}: named metrics, each
 * a few measured figures with the value they should have and a tolerance band, some critical; rules
 * that a value must belong to its group ({@code members}); and how many warnings a GO allows.
 */
public record Gate(int maxWarnings, List<Metric> metrics, List<Membership> members) {
  public Gate {
    metrics = List.copyOf(metrics);
    members = List.copyOf(members);
  }

  /** A named metric: it passes when every measure is within its band of the expected value. */
  public record Metric(
      String path, String name, boolean critical, String band, List<Measure> measures) {
    public Metric {
      measures = List.copyOf(measures);
    }
  }

  /**
   * One measured figure of a column ({@code entity.column}) and the value it should have. Which
   * fields apply depends on {@code kind}; see docs/fidelity.md.
   */
  public record Measure(
      String path,
      Kind kind,
      String entity,
      String column,
      String ofEntity,
      String ofColumn,
      Double atLeast,
      Double below,
      List<String> values,
      Map<String, List<String>> where,
      Double q,
      List<Integer> hours,
      double expected) {
    public Measure {
      values = values == null ? List.of() : List.copyOf(values);
      where = where == null ? Map.of() : Map.copyOf(where);
      hours = hours == null ? List.of() : List.copyOf(hours);
    }

    /** What is measured. */
    public enum Kind {
      /** Share of rows (matching where) whose value is in values or in [at_least, below). */
      SHARE,
      /** The q-quantile of the column over rows matching where. */
      QUANTILE,
      /** The mean of the column over rows matching where. */
      MEAN,
      /** The q-quantile of children per parent row of {@code of} (zero included). */
      CHILDREN_QUANTILE,
      /** Share of parent rows of {@code of} with at least at_least children. */
      CHILDREN_SHARE,
      /** Busiest hour of day (UTC) over the quietest, of a timestamp column. */
      HOUR_RATIO,
      /** Mean events per weekday over mean events per weekend day. */
      WEEKDAY_RATIO,
      /** Share of events in the listed hours of day (UTC). */
      HOURS_SHARE
    }
  }

  /**
   * Every value of {@code entity.column} must appear in {@code ofEntity.ofColumn} within the same
   * group: the row's {@code within} column equals the member row's {@code ofWithin} column (a
   * message's sender is a member of its conversation).
   */
  public record Membership(
      String path,
      String entity,
      String column,
      String within,
      String ofEntity,
      String ofColumn,
      String ofWithin) {}
}
