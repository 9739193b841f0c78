package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** Reads of the local PostgreSQL that the integration tests check target tables with. */
final class PgTables {
  private PgTables() {}

  static long scalar(String sql) throws SQLException {
    try (Connection c = RunsIT.pg();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return rs.getLong(1);
    }
  }

  static void execute(String sql) throws SQLException {
    try (Connection c = RunsIT.pg();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static boolean tableExists(String schema, String table) throws SQLException {
    return scalar(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                + schema
                + "' AND table_name = '"
                + table
                + "'")
        > 0;
  }

  static long count(String schema, String table) throws SQLException {
    return scalar("SELECT count(*) FROM " + schema + "." + table);
  }

  /** Waits until the table holds at least {@code rows} committed rows. */
  static void awaitRows(String schema, String table, long rows) throws SQLException {
    Api.await(
        schema + "." + table + " to hold " + rows + " rows",
        Duration.ofSeconds(60),
        Duration.ofMillis(20),
        () -> tableExists(schema, table) ? count(schema, table) : -1L,
        n -> n >= rows);
  }
}
