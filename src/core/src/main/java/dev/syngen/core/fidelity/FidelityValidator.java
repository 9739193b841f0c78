package dev.syngen.core.fidelity;

import dev.syngen.core.fidelity.Check.Status;
import dev.syngen.core.fidelity.FidelityPlan.ColumnPlan;
import dev.syngen.core.fidelity.FidelityPlan.RelationshipPlan;
import dev.syngen.core.fidelity.FidelityPlan.RulePlan;
import dev.syngen.core.fidelity.FidelityPlan.TablePlan;
import dev.syngen.core.fidelity.FidelityReport.TableSummary;
import dev.syngen.core.fidelity.TableSource.Sample;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.sink.SinkException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fidelity use case: reads each table back (a uniform sample for the statistics, full scans for
 * the integrity rules), runs every check of the plan and decides GO or NO-GO. A table that cannot
 * be read is itself a failed check, never an exception.
 */
public final class FidelityValidator {
  /** How to check: default band, significance level, rows sampled per table, sampling seed. */
  public record Options(Band band, double alpha, int sampleRows, long seed) {
    /** The sample sizes and the highest significance level a user may ask for. */
    public static final int MIN_SAMPLE_ROWS = 100;

    public static final int MAX_SAMPLE_ROWS = 5_000_000;
    public static final double MAX_ALPHA = 0.5;

    public Options {
      if (!(alpha > 0 && alpha < 1)) {
        throw new IllegalArgumentException("alpha must be between 0 and 1, got " + alpha);
      }
      if (sampleRows < MIN_SAMPLE_ROWS) {
        throw new IllegalArgumentException("sample must be at least 100 rows, got " + sampleRows);
      }
    }
  }

  private final Options options;
  private final Clock clock;

  public FidelityValidator(Options options, Clock clock) {
    this.options = options;
    this.clock = clock;
  }

  public FidelityReport validate(
      FidelityPlan plan, TableSource source, String scenarioId, String runId, String target) {
    long t0 = System.nanoTime();
    List<Check> checks = new ArrayList<>();
    List<TableSummary> summaries = new ArrayList<>();
    Map<String, Long> observedRows = new HashMap<>();
    Map<String, LongList> parentKeys = new HashMap<>();
    for (TablePlan t : plan.tables()) {
      summaries.add(table(t, source, checks, observedRows));
    }
    for (TablePlan t : plan.tables()) {
      if (observedRows.containsKey(t.table())) {
        scans(t, source, checks, observedRows, parentKeys);
      }
    }
    for (FidelityPlan.LifecyclePlan lp : plan.lifecycles()) {
      checks.addAll(new LifecycleChecks(lp, new LawChecks(options.alpha())).run(source));
    }
    List<String> reasons =
        checks.stream().filter(Check::failed).map(c -> c.subject() + ": " + c.message()).toList();
    return new FidelityReport(
        scenarioId,
        runId,
        target,
        clock.instant(),
        options.band().label(),
        options.alpha(),
        options.sampleRows(),
        reasons.isEmpty() ? FidelityReport.Verdict.GO : FidelityReport.Verdict.NO_GO,
        reasons,
        summaries,
        checks,
        plan.warnings(),
        (System.nanoTime() - t0) / 1_000_000);
  }

  /** Row count and every column check of one table, on a sample. */
  private TableSummary table(
      TablePlan t, TableSource source, List<Check> checks, Map<String, Long> observedRows) {
    List<String> columns = sampledColumns(t);
    Sample sample;
    try {
      sample = source.sample(t.table(), columns, options.sampleRows(), options.seed());
    } catch (SinkException e) {
      checks.add(Check.unreadable("table", t.entity(), t.table(), e.getMessage()));
      return new TableSummary(t.entity(), t.table(), t.expectedRows(), 0, 0);
    }
    observedRows.put(t.table(), sample.rows());
    checks.add(rowCount(t, sample.rows()));
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      index.put(columns.get(i), i);
    }
    ColumnChecks cc = new ColumnChecks(new LawChecks(options.alpha()), sample.values(), index);
    for (ColumnPlan c : t.columns()) {
      checks.addAll(cc.check(t.entity() + "." + c.column(), c));
    }
    return new TableSummary(
        t.entity(), t.table(), t.expectedRows(), sample.rows(), sample.values().size());
  }

  private static List<String> sampledColumns(TablePlan t) {
    Set<String> out = new LinkedHashSet<>();
    for (ColumnPlan c : t.columns()) {
      out.add(c.column());
      if (c.correlatedWith() != null) {
        out.add(c.correlatedWith());
      }
    }
    return new ArrayList<>(out);
  }

  private static Check rowCount(TablePlan t, long rows) {
    String subject = t.entity();
    String expected = Long.toString(t.expectedRows());
    if (rows == t.expectedRows()) {
      return new Check(
          "row_count",
          subject,
          expected,
          Long.toString(rows),
          null,
          null,
          0.0,
          0.0,
          Status.PASS,
          rows + " rows, as planned",
          null);
    }
    double dev = Math.abs(rows - t.expectedRows()) / (double) Math.max(1, t.expectedRows());
    if (rows > t.expectedRows()) {
      return new Check(
          "row_count",
          subject,
          expected,
          Long.toString(rows),
          null,
          null,
          dev,
          0.0,
          Status.WARN,
          rows
              + " rows, more than the "
              + t.expectedRows()
              + " planned (appended to existing data?)",
          null);
    }
    return new Check(
        "row_count",
        subject,
        expected,
        Long.toString(rows),
        null,
        null,
        dev,
        0.0,
        Status.FAIL,
        "missing rows: " + rows + " found, " + t.expectedRows() + " planned",
        null);
  }

  /** The integrity rules and children-per-parent shapes of one table, on full scans. */
  private void scans(
      TablePlan t,
      TableSource source,
      List<Check> checks,
      Map<String, Long> observedRows,
      Map<String, LongList> parentKeys) {
    Map<String, List<RulePlan>> byOrder = new LinkedHashMap<>();
    for (RulePlan r : t.rules()) {
      byOrder
          .computeIfAbsent(r.orderBy() == null ? "" : r.orderBy(), k -> new ArrayList<>())
          .add(r);
    }
    if (!t.relationships().isEmpty()) {
      byOrder.computeIfAbsent("", k -> new ArrayList<>());
    }
    for (Map.Entry<String, List<RulePlan>> group : byOrder.entrySet()) {
      String orderBy = group.getKey().isEmpty() ? null : group.getKey();
      boolean withRelationships = orderBy == null;
      scan(
          t,
          orderBy,
          group.getValue(),
          withRelationships ? t.relationships() : List.of(),
          source,
          checks,
          observedRows,
          parentKeys);
    }
  }

  private void scan(
      TablePlan t,
      String orderBy,
      List<RulePlan> rules,
      List<RelationshipPlan> relationships,
      TableSource source,
      List<Check> checks,
      Map<String, Long> observedRows,
      Map<String, LongList> parentKeys) {
    List<String> columns = new ArrayList<>();
    List<ScanRules.Rule> live = new ArrayList<>();
    Map<RelationshipPlan, ScanRules.ChildCounts> counts = new LinkedHashMap<>();
    for (RulePlan r : rules) {
      String subject = t.entity() + "." + r.column();
      switch (r.kind()) {
        case FK -> {
          LongList keys =
              parentKeys(r.parentTable(), r.parentColumn(), source, parentKeys, checks, subject);
          if (keys != null) {
            live.add(
                new ScanRules.ForeignKeyExists(
                    subject,
                    r.parentTable() + "." + r.parentColumn(),
                    indexOf(columns, r.column()),
                    keys));
          }
        }
        case UNIQUE -> live.add(new ScanRules.Unique(subject, indexOf(columns, r.column())));
        case MONOTONIC, STRICTLY_INCREASING ->
            live.add(
                new ScanRules.Monotonic(
                    subject,
                    r.type(),
                    indexOf(columns, r.column()),
                    r.within() == null ? -1 : indexOf(columns, r.within()),
                    r.within(),
                    r.kind() == RulePlan.Kind.STRICTLY_INCREASING));
      }
    }
    for (RelationshipPlan r : relationships) {
      counts.put(r, new ScanRules.ChildCounts(indexOf(columns, r.column())));
    }
    if (live.isEmpty() && counts.isEmpty()) {
      return;
    }
    List<ScanRules.Rule> all = new ArrayList<>(live);
    all.addAll(counts.values());
    try {
      source.scan(
          t.table(),
          columns,
          orderBy,
          values -> {
            for (ScanRules.Rule r : all) {
              r.row(values);
            }
          });
    } catch (SinkException e) {
      checks.add(Check.unreadable("scan", t.entity(), t.table(), e.getMessage()));
      return;
    }
    live.forEach(r -> checks.add(r.result()));
    counts.forEach((r, c) -> checks.addAll(children(t, r, c, observedRows)));
  }

  private List<Check> children(
      TablePlan t, RelationshipPlan r, ScanRules.ChildCounts c, Map<String, Long> observedRows) {
    String subject = t.entity() + " per " + r.parentEntity();
    Long parents = observedRows.get(r.parentTable());
    if (parents == null) {
      return List.of(
          new Check(
              "children_per_parent",
              subject,
              "",
              "",
              null,
              null,
              null,
              null,
              Status.SKIP,
              "parent table " + r.parentTable() + " could not be read",
              null));
    }
    long[] perParent = c.perParent(parents);
    List<Check> out = new ArrayList<>();
    if (r.countLaw() != null) {
      out.add(
          new LawChecks(options.alpha())
              .discrete(
                  subject,
                  ColumnType.BIGINT,
                  r.countLaw(),
                  perParent,
                  r.band(),
                  "children_per_parent",
                  r.referenceParents()));
    }
    if (!r.percentiles().isEmpty()) {
      double[] sorted = java.util.Arrays.stream(perParent).asDoubleStream().sorted().toArray();
      double spread = ColumnChecks.spread(r.countLaw(), r.percentiles());
      out.add(
          ValueChecks.percentiles(
              subject,
              ColumnType.BIGINT,
              r.percentiles(),
              sorted,
              spread,
              r.band(),
              options.alpha()));
    }
    return out;
  }

  private static int indexOf(List<String> columns, String column) {
    int i = columns.indexOf(column);
    if (i < 0) {
      columns.add(column);
      i = columns.size() - 1;
    }
    return i;
  }

  private static LongList parentKeys(
      String table,
      String column,
      TableSource source,
      Map<String, LongList> cache,
      List<Check> checks,
      String subject) {
    String key = table + "." + column;
    if (cache.containsKey(key)) {
      return cache.get(key);
    }
    LongList keys = new LongList();
    try {
      source.scan(
          table,
          List.of(column),
          null,
          values -> {
            if (values[0] != null) {
              keys.add(Hash64.of(values[0]));
            }
          });
    } catch (SinkException e) {
      checks.add(
          new Check(
              "fk",
              subject,
              "all keys in " + key,
              "parent unreadable",
              null,
              null,
              null,
              null,
              Status.FAIL,
              "cannot read parent keys: " + e.getMessage(),
              null));
      cache.put(key, null);
      return null;
    }
    cache.put(key, keys.sorted());
    return keys;
  }
}
