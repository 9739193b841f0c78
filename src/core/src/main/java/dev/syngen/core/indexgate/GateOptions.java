package dev.syngen.core.indexgate;

import dev.syngen.core.problem.Problems;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How a gate measures and what it leaves behind: warm-up and measured executions per query (the
 * first warm-up also counts the rows the query returns), the time one query and one DDL statement
 * may take, whether planner statistics are refreshed ({@code ANALYZE}) on the indexed tables before
 * each baseline, when the created indexes are dropped again, and the GO thresholds. The limits hold
 * for every front end.
 */
public record GateOptions(
    int warmup,
    int runs,
    Duration queryTimeout,
    Duration ddlTimeout,
    boolean analyze,
    Rollback rollback,
    Thresholds thresholds) {
  public static final int MAX_WARMUP = 20;
  public static final int MAX_RUNS = 100;
  public static final Duration MAX_QUERY_TIMEOUT = Duration.ofMinutes(10);
  public static final Duration MAX_DDL_TIMEOUT = Duration.ofHours(6);

  public static final GateOptions DEFAULT =
      new GateOptions(
          2,
          10,
          Duration.ofSeconds(60),
          Duration.ofMinutes(30),
          true,
          Rollback.NEVER,
          Thresholds.DEFAULT);

  /** When the indexes the DDL created are dropped again. */
  public enum Rollback {
    /** Keep them: the DDL is what the team means to ship. */
    NEVER,
    /** Always: the database ends as it began (a rehearsal). */
    ALWAYS,
    /** When the gate says NO-GO or fails: only approved indexes stay. */
    ON_NO_GO;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Rollback> parse(String s) {
      if (s == null) {
        return Optional.empty();
      }
      for (Rollback r : values()) {
        if (r.label().equalsIgnoreCase(s.strip()) || r.name().equalsIgnoreCase(s.strip())) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    }
  }

  /** Checks every value; problems carry the option names ({@code runs}, {@code warmup}, …). */
  public void validate(Problems problems) {
    if (warmup < 1 || warmup > MAX_WARMUP) {
      problems.add(
          "warmup",
          "must be between 1 and " + MAX_WARMUP + ", got " + warmup,
          "write e.g. 2 (the first warm-up also counts the rows)");
    }
    if (runs < 1 || runs > MAX_RUNS) {
      problems.add("runs", "must be between 1 and " + MAX_RUNS + ", got " + runs, "write e.g. 10");
    }
    duration(problems, "query_timeout", queryTimeout, MAX_QUERY_TIMEOUT);
    duration(problems, "ddl_timeout", ddlTimeout, MAX_DDL_TIMEOUT);
    if (rollback == null) {
      problems.add("rollback", "is missing", "use never, always or on-no-go");
    }
    thresholds.validate(problems);
  }

  private static void duration(Problems problems, String name, Duration d, Duration max) {
    if (d == null || d.isNegative() || d.isZero() || d.compareTo(max) > 0) {
      problems.add(
          name,
          "must be more than 0 and at most "
              + max.toSeconds()
              + " s, got "
              + (d == null ? "nothing" : d.toMillis() + " ms"),
          "write e.g. 60s");
    }
  }

  public GateOptions withRollback(Rollback r) {
    return new GateOptions(warmup, runs, queryTimeout, ddlTimeout, analyze, r, thresholds);
  }
}
