package dev.syngen.core.fidelity;

import dev.syngen.core.lifecycle.CompiledLifecycle;
import dev.syngen.core.random.Law;
import dev.syngen.core.scenario.ColumnType;
import java.util.List;
import java.util.Map;

/**
 * What to check, per table: compiled from what generators declare (their laws, null rates, keys,
 * unique columns, orderings) and from explicit expectations, with every reference resolved.
 */
public record FidelityPlan(
    List<TablePlan> tables, List<String> warnings, List<LifecyclePlan> lifecycles) {
  public FidelityPlan {
    tables = List.copyOf(tables);
    warnings = List.copyOf(warnings);
    lifecycles = List.copyOf(lifecycles);
  }

  public FidelityPlan(List<TablePlan> tables, List<String> warnings) {
    this(tables, warnings, List.of());
  }

  /**
   * The lifecycle whose events are in {@code table} (the derived {@code <entity>_events}), keyed by
   * {@code keyColumn}: transitions, dwell times, terminal shares and order are checked on it.
   */
  public record LifecyclePlan(
      String entity, String table, String keyColumn, CompiledLifecycle lifecycle, Band band) {}

  /** One entity's table: its expected row count and the checks on it. */
  public record TablePlan(
      String entity,
      String table,
      long expectedRows,
      List<ColumnPlan> columns,
      List<RelationshipPlan> relationships,
      List<RulePlan> rules) {
    public TablePlan {
      columns = List.copyOf(columns);
      relationships = List.copyOf(relationships);
      rules = List.copyOf(rules);
    }
  }

  /**
   * The checks of one column. {@code law} may be null; {@code percentiles} maps probabilities to
   * values (epoch milliseconds for timestamps, epoch days for dates); {@code nullRate} is the
   * expected share of NULLs (0 for columns that must never be NULL, null when unchecked).
   */
  public record ColumnPlan(
      String column,
      ColumnType type,
      String origin,
      Law law,
      Map<Double, Double> percentiles,
      Map<String, Double> shares,
      Double nullRate,
      String correlatedWith,
      Double expectedSpearman,
      Band band,
      Map<String, Double> hourShares,
      Map<String, Double> weekdayShares) {
    public ColumnPlan {
      percentiles = Map.copyOf(percentiles);
      shares = Map.copyOf(shares);
      hourShares = Map.copyOf(hourShares);
      weekdayShares = Map.copyOf(weekdayShares);
    }
  }

  /**
   * The shape of children per parent along an fk column; {@code referenceParents} is the size of
   * the sample the law was measured on, or null for a declared (exact) law.
   */
  public record RelationshipPlan(
      String column,
      String parentEntity,
      String parentTable,
      String parentColumn,
      Law.Discrete countLaw,
      Map<Double, Double> percentiles,
      String origin,
      Band band,
      Long referenceParents) {
    public RelationshipPlan {
      percentiles = Map.copyOf(percentiles);
    }
  }

  /** An integrity rule on a column of the table. */
  public record RulePlan(
      Kind kind,
      String column,
      ColumnType type,
      String within,
      String orderBy,
      String parentTable,
      String parentColumn,
      String origin) {
    /** The kinds of rule. */
    public enum Kind {
      FK,
      UNIQUE,
      MONOTONIC,
      /** Monotonic, and no two values of a group equal. */
      STRICTLY_INCREASING
    }
  }
}
