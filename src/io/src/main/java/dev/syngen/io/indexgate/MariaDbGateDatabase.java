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
import java.util.Locale;

/** The gate on MariaDB: {@code ANALYZE FORMAT=JSON} in the DSN's database. */
final class MariaDbGateDatabase extends GateDatabase {
  private final String database;

  MariaDbGateDatabase(Connection c, String label, String database) {
    super(c, label);
    this.database = database;
  }

  @Override
  public Dialect dialect() {
    return Dialect.MARIADB;
  }

  @Override
  protected String explainPrefix() {
    return "ANALYZE FORMAT=JSON ";
  }

  @Override
  protected PlanStats parse(String plan, long rows) {
    return PlanParsers.mariadb(plan, rows);
  }

  @Override
  protected void queryTimeout(Statement s, Duration timeout) throws SQLException {
    s.execute(
        "SET SESSION max_statement_time = "
            + String.format(Locale.ROOT, "%.3f", timeout.toMillis() / 1000.0));
  }

  @Override
  protected void ddlTimeout(Statement s, Duration timeout) throws SQLException {
    queryTimeout(s, timeout);
    s.execute("SET SESSION lock_wait_timeout = " + Math.max(1, Math.min(timeout.toSeconds(), 60)));
  }

  @Override
  protected String indexLookup() {
    return "SELECT 1 FROM information_schema.statistics WHERE table_schema = ? AND index_name = ?";
  }

  @Override
  protected String namespace() {
    return database;
  }

  @Override
  public void drop(DdlStatement create, Duration timeout) {
    if (!indexExists(create.index())) {
      return;
    }
    String sql =
        "DROP INDEX `"
            + Identifiers.require(create.index())
            + "` ON `"
            + Identifiers.require(create.table())
            + "`";
    apply(
        new DdlStatement(
            sql, DdlStatement.Kind.DROP_INDEX, create.index(), create.table(), create.line()),
        timeout);
  }

  @Override
  public void analyze(Collection<String> tables, Duration timeout) {
    if (tables.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder("ANALYZE TABLE ");
    for (String t : tables) {
      sql.append(sql.length() > 14 ? ", " : "")
          .append('`')
          .append(Identifiers.require(t))
          .append('`');
    }
    apply(new DdlStatement(sql.toString(), DdlStatement.Kind.ANALYZE, null, null, 0), timeout);
  }
}
