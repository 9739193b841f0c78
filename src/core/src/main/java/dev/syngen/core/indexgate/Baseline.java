package dev.syngen.core.indexgate;

import java.time.Instant;
import java.util.List;

/**
 * The plans and latencies of a query set on one database at one moment: the gate's {@code before}
 * (as the database is) or {@code after} (once the DDL is applied). Stored as JSON so a team can
 * capture a baseline, change indexes, and compare later.
 */
public record Baseline(
    String format,
    String phase,
    Dialect dialect,
    String target,
    String serverVersion,
    Instant capturedAt,
    int warmup,
    int runs,
    List<String> ddl,
    List<QueryBaseline> queries) {
  /** The format name written into every baseline. */
  public static final String FORMAT = "syngen-index-gate-baseline/1";

  public Baseline {
    ddl = ddl == null ? List.of() : List.copyOf(ddl);
    queries = List.copyOf(queries);
  }

  public List<String> names() {
    return queries.stream().map(QueryBaseline::name).toList();
  }
}
