package dev.syngen.io.indexgate;

import dev.syngen.core.indexgate.DdlStatement;
import dev.syngen.core.indexgate.Dialect;
import dev.syngen.core.indexgate.PlanStats;
import dev.syngen.core.plan.Identifiers;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.Redactor;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.io.jdbc.JdbcUrls;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;

/**
 * One connection to the database a gate measures, in the target's schema (PostgreSQL) or the DSN's
 * database (MariaDB). Queries run in read-only transactions that are rolled back; DDL runs
 * statement by statement in auto-commit, so {@code CREATE INDEX CONCURRENTLY} works.
 */
public abstract class GateDatabase implements AutoCloseable {
  /** One measured execution: what the plan shows, and the plan as the database printed it. */
  public record Explained(PlanStats stats, String plan) {}

  protected final Connection connection;
  private final String label;

  GateDatabase(Connection connection, String label) {
    this.connection = connection;
    this.label = label;
  }

  /** Checks a target for the gate without connecting: its kind, DSN and schema. */
  public static void validate(TargetProfile t, Problems problems) {
    if (Dialect.ofKind(t.kind()).isEmpty()) {
      problems.add(
          "kind",
          "the index gate reads plans from postgres or mariadb targets, not " + t.kind(),
          "pick a PostgreSQL or MariaDB target");
      return;
    }
    try {
      if (Dialect.ofKind(t.kind()).get() == Dialect.POSTGRES) {
        JdbcUrls.postgres(t.dsn());
      } else {
        JdbcUrls.mariadb(t.dsn());
      }
    } catch (SinkException e) {
      problems.add("dsn", e.getMessage(), "see docs/targets.md for the DSN forms");
    }
    if (t.schema() != null && !Identifiers.isSafe(t.schema())) {
      problems.add("schema", "'" + t.schema() + "' is not a safe SQL identifier", Identifiers.RULE);
    }
  }

  /** Connects to a target {@link #validate} accepted. */
  public static GateDatabase open(TargetProfile t) {
    Dialect d = Dialect.ofKind(t.kind()).orElseThrow();
    String label = t.id() + " (" + t.kind() + ")";
    try {
      if (d == Dialect.POSTGRES) {
        String schema = t.schema() == null || t.schema().isBlank() ? "public" : t.schema();
        return new PostgresGateDatabase(JdbcUrls.postgres(t.dsn()).connect(), label, schema);
      }
      JdbcUrls.MariaDb m = JdbcUrls.mariadb(t.dsn());
      return new MariaDbGateDatabase(m.connect(), label, m.database());
    } catch (SQLException e) {
      throw new SinkException(
          "cannot connect to " + label + ": " + Redactor.text(String.valueOf(e.getMessage())), e);
    }
  }

  public abstract Dialect dialect();

  /** The target, as reports name it: id and kind, never the DSN. */
  public String label() {
    return label;
  }

  public String serverVersion() {
    try {
      return connection.getMetaData().getDatabaseProductName()
          + " "
          + connection.getMetaData().getDatabaseProductVersion();
    } catch (SQLException e) {
      return "unknown";
    }
  }

  /** Runs the query and counts the rows it returns (a warm-up). */
  public long execute(String sql, Duration timeout) {
    return inReadOnly(
        timeout,
        s -> {
          long rows = 0;
          s.setFetchSize(1000); // a query that returns millions of rows is streamed, not held
          try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
              rows++;
            }
          }
          return rows;
        });
  }

  /** Runs the query under {@code EXPLAIN ANALYZE}; {@code rows} is what it returns. */
  public Explained explain(String sql, long rows, Duration timeout) {
    String plan =
        inReadOnly(
            timeout,
            s -> {
              try (ResultSet rs = s.executeQuery(explainPrefix() + sql)) {
                StringBuilder b = new StringBuilder();
                while (rs.next()) {
                  b.append(rs.getString(1));
                }
                return b.toString();
              }
            });
    return new Explained(parse(plan, rows), plan);
  }

  /** Runs one DDL statement in auto-commit. */
  public void apply(DdlStatement statement, Duration timeout) {
    try (Statement s = connection.createStatement()) {
      connection.setAutoCommit(true);
      ddlTimeout(s, timeout);
      s.execute(statement.sql());
    } catch (SQLException e) {
      throw failure("line " + statement.line() + " (" + first(statement.sql()) + ")", e);
    }
  }

  /** Whether an index of this name exists in the gate's schema or database. */
  public boolean indexExists(String name) {
    try (PreparedStatement p = connection.prepareStatement(indexLookup())) {
      connection.setAutoCommit(true);
      p.setString(1, namespace());
      p.setString(2, name);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw failure("looking up index " + name, e);
    }
  }

  /** The catalogue query for one index: parameters are the {@link #namespace()} and the name. */
  protected abstract String indexLookup();

  /** The schema (PostgreSQL) or database (MariaDB) the gate works in. */
  protected abstract String namespace();

  /** Drops an index a DDL statement created, if it is there. */
  public abstract void drop(DdlStatement create, Duration timeout);

  /** Refreshes the planner statistics of these tables. */
  public abstract void analyze(Collection<String> tables, Duration timeout);

  protected abstract String explainPrefix();

  protected abstract PlanStats parse(String plan, long rows);

  /** Sets the session's statement timeout (and lock timeout) for one query. */
  protected abstract void queryTimeout(Statement s, Duration timeout) throws SQLException;

  protected abstract void ddlTimeout(Statement s, Duration timeout) throws SQLException;

  interface Body<T> {
    T run(Statement s) throws SQLException;
  }

  private <T> T inReadOnly(Duration timeout, Body<T> body) {
    try (Statement s = connection.createStatement()) {
      connection.setAutoCommit(false);
      queryTimeout(s, timeout);
      s.execute("SET TRANSACTION READ ONLY");
      try {
        return body.run(s);
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw failure("query", e);
    }
  }

  protected SinkException failure(String what, SQLException e) {
    return new SinkException(
        label + ": " + what + " failed: " + Redactor.text(String.valueOf(e.getMessage())), e);
  }

  static String first(String sql) {
    String one = sql.strip().replaceAll("\\s+", " ");
    return one.length() <= 80 ? one : one.substring(0, 77) + "…";
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // closing is best effort; the gate's result does not depend on it
    }
  }
}
