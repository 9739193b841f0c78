package dev.syngen.io.indexgate;

import dev.syngen.core.fidelity.FidelityReport.Verdict;
import dev.syngen.core.indexgate.Baseline;
import dev.syngen.core.indexgate.DdlScript;
import dev.syngen.core.indexgate.DdlStatement;
import dev.syngen.core.indexgate.GateDecision;
import dev.syngen.core.indexgate.GateOptions;
import dev.syngen.core.indexgate.GateOptions.Rollback;
import dev.syngen.core.indexgate.GateOutcome;
import dev.syngen.core.indexgate.IndexGate;
import dev.syngen.core.indexgate.NamedQuery;
import dev.syngen.core.indexgate.PlanStats;
import dev.syngen.core.indexgate.QueryBaseline;
import dev.syngen.core.indexgate.QuerySet;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.SinkException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A gate on one database: capture a baseline, apply DDL, capture again, decide, and drop the
 * created indexes as the rollback option says. Each step is also usable alone, for baselines
 * captured on different days.
 */
public final class IndexGateRun {
  private final GateDatabase db;
  private final GateOptions options;
  private final Clock clock;
  private final Consumer<String> progress;
  private final Instant deadline;

  public IndexGateRun(
      GateDatabase db, GateOptions options, Clock clock, Consumer<String> progress) {
    this(db, options, clock, progress, null);
  }

  /** A gate that stops with an error once {@code deadline} has passed (null: no deadline). */
  public IndexGateRun(
      GateDatabase db,
      GateOptions options,
      Clock clock,
      Consumer<String> progress,
      Instant deadline) {
    this.db = db;
    this.options = options;
    this.clock = clock;
    this.progress = progress;
    this.deadline = deadline;
  }

  private void checkTime(String step) {
    if (deadline != null && clock.instant().isAfter(deadline)) {
      throw new SinkException(
          db.label()
              + ": the index gate ran out of its time limit before "
              + step
              + "; measure fewer queries, use fewer runs, or raise the limit");
    }
  }

  /** Before, DDL, after, decision, rollback. */
  public GateOutcome run(QuerySet queries, DdlScript ddl) {
    checkNotApplied(ddl);
    refreshStatistics(ddl);
    Baseline before = capture(queries, "before", List.of());
    GateDecision decision = null;
    try {
      apply(ddl);
      refreshStatistics(ddl);
      Baseline after = capture(queries, "after", ddl.sql());
      decision = IndexGate.decide(before, after, options.thresholds(), clock.instant());
      return new GateOutcome(before, after, decision, rollbackIf(ddl, decision));
    } finally {
      if (decision == null && options.rollback() != Rollback.NEVER) {
        rollback(ddl);
      }
    }
  }

  /** After (applying {@code ddl} first unless null) against a stored before baseline. */
  public GateOutcome after(Baseline before, QuerySet queries, DdlScript ddl) {
    GateDecision decision = null;
    List<String> applied = List.of();
    try {
      if (ddl != null) {
        checkNotApplied(ddl);
        apply(ddl);
        refreshStatistics(ddl);
        applied = ddl.sql();
      }
      Baseline after = capture(queries, "after", applied);
      decision = IndexGate.decide(before, after, options.thresholds(), clock.instant());
      return new GateOutcome(
          before, after, decision, ddl == null ? List.of() : rollbackIf(ddl, decision));
    } finally {
      if (decision == null && ddl != null && options.rollback() != Rollback.NEVER) {
        rollback(ddl);
      }
    }
  }

  /** A baseline of the database as it is. */
  public Baseline capture(QuerySet queries, String phase, List<String> ddl) {
    List<QueryBaseline> out = new ArrayList<>();
    for (NamedQuery q : queries.queries()) {
      checkTime(phase + " " + q.name());
      long rows = db.execute(q.sql(), options.queryTimeout());
      for (int i = 1; i < options.warmup(); i++) {
        checkTime(phase + " " + q.name());
        db.execute(q.sql(), options.queryTimeout());
      }
      List<PlanStats> measured = new ArrayList<>();
      String plan = null;
      for (int i = 0; i < options.runs(); i++) {
        checkTime(phase + " " + q.name());
        GateDatabase.Explained e = db.explain(q.sql(), rows, options.queryTimeout());
        measured.add(e.stats());
        plan = e.plan();
      }
      QueryBaseline b = IndexGate.summarize(q, measured, plan);
      progress.accept(
          String.format(
              java.util.Locale.ROOT,
              "%s  %-32s p50 %10.3f ms  p95 %10.3f ms  %d rows, %d sorts",
              phase,
              q.name(),
              b.latencyP50Ms(),
              b.latencyP95Ms(),
              rows,
              b.stats().sortNodes()));
      out.add(b);
    }
    return new Baseline(
        Baseline.FORMAT,
        phase,
        db.dialect(),
        db.label(),
        db.serverVersion(),
        clock.instant(),
        options.warmup(),
        options.runs(),
        ddl,
        out);
  }

  /** Refuses, naming each, when an index the DDL creates exists already. */
  public void checkNotApplied(DdlScript ddl) {
    Problems p = new Problems();
    for (DdlStatement s : ddl.creates()) {
      if (db.indexExists(s.index())) {
        p.add(
            "ddl line " + s.line(),
            "index " + s.index() + " exists already, so the 'before' baseline would use it",
            "drop it first, or compare against a baseline captured before it was created");
      }
    }
    p.throwIfAny("index gate on " + db.label());
  }

  /** Runs every statement in order; on a failure drops what this script created, then throws. */
  public void apply(DdlScript ddl) {
    List<DdlStatement> done = new ArrayList<>();
    for (DdlStatement s : ddl.statements()) {
      progress.accept("ddl     " + GateDatabase.first(s.sql()));
      try {
        checkTime("DDL line " + s.line());
        db.apply(s, options.ddlTimeout());
      } catch (SinkException e) {
        undo(done);
        undo(s.kind() == DdlStatement.Kind.CREATE_INDEX ? List.of(s) : List.of());
        throw e;
      }
      done.add(s);
    }
  }

  /** Drops every index the script creates (those that exist), last first; returns their names. */
  public List<String> rollback(DdlScript ddl) {
    return undo(ddl.creates());
  }

  private List<String> undo(List<DdlStatement> statements) {
    List<String> dropped = new ArrayList<>();
    List<DdlStatement> lastFirst = new ArrayList<>(statements);
    Collections.reverse(lastFirst);
    for (DdlStatement s : lastFirst) {
      if (s.kind() == DdlStatement.Kind.CREATE_INDEX && db.indexExists(s.index())) {
        progress.accept("rollback drop index " + s.index());
        db.drop(s, options.ddlTimeout());
        dropped.add(s.index());
      }
    }
    return dropped;
  }

  private List<String> rollbackIf(DdlScript ddl, GateDecision d) {
    boolean drop =
        options.rollback() == Rollback.ALWAYS
            || (options.rollback() == Rollback.ON_NO_GO && d.verdict() == Verdict.NO_GO);
    return drop ? rollback(ddl) : List.of();
  }

  private void refreshStatistics(DdlScript ddl) {
    if (!options.analyze()) {
      return;
    }
    Set<String> tables = new LinkedHashSet<>();
    ddl.creates().forEach(s -> tables.add(s.table()));
    db.analyze(tables, options.ddlTimeout());
  }
}
