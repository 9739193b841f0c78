package dev.syngen.io.indexgate;

import dev.syngen.core.indexgate.DdlStatement;
import dev.syngen.core.indexgate.Dialect;
import dev.syngen.core.indexgate.PlanStats;
import dev.syngen.core.plan.Identifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;

/**
 * The gate on PostgreSQL: {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)} in the target's schema.
 */
final class PostgresGateDatabase extends GateDatabase {
  private final String schema;

  PostgresGateDatabase(Connection c, String label, String schema) throws SQLException {
    super(c, label);
    this.schema = Identifiers.require(schema);
    try (Statement s = c.createStatement()) {
      s.execute("SET search_path TO \"" + schema + "\"");
    }
  }

  @Override
  public Dialect dialect() {
    return Dialect.POSTGRES;
  }

  @Override
  protected String explainPrefix() {
    return "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ";
  }

  @Override
  protected PlanStats parse(String plan, long rows) {
    return PlanParsers.postgres(plan, rows);
  }

  @Override
  protected void queryTimeout(Statement s, Duration timeout) throws SQLException {
    s.execute("SET statement_timeout = " + timeout.toMillis());
  }

  @Override
  protected void ddlTimeout(Statement s, Duration timeout) throws SQLException {
    s.execute("SET statement_timeout = " + timeout.toMillis());
    s.execute("SET lock_timeout = " + Math.min(timeout.toMillis(), 60_000));
  }

  @Override
  protected String indexLookup() {
    return "SELECT 1 FROM pg_indexes WHERE schemaname = ? AND indexname = ?";
  }

  @Override
  protected String namespace() {
    return schema;
  }

  @Override
  public void drop(DdlStatement create, Duration timeout) {
    String sql =
        "DROP INDEX CONCURRENTLY IF EXISTS \""
            + schema
            + "\".\""
            + Identifiers.require(create.index())
            + "\"";
    apply(
        new DdlStatement(sql, DdlStatement.Kind.DROP_INDEX, create.index(), null, create.line()),
        timeout);
  }

  @Override
  public void analyze(Collection<String> tables, Duration timeout) {
    for (String t : tables) {
      apply(
          new DdlStatement(
              "VACUUM (ANALYZE) \"" + schema + "\".\"" + Identifiers.require(t) + "\"",
              DdlStatement.Kind.ANALYZE,
              null,
              t,
              0),
          timeout);
    }
  }
}
