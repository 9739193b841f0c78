package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads of the local MariaDB (root, no password) that the integration tests check targets with. */
final class MariaDbTables {
  static final String HOST =
      System.getenv().getOrDefault("SYNGEN_TEST_MARIADB_HOST", "127.0.0.1:3306");
  static final String DSN = "mariadb://root@" + HOST + "/test";

  private MariaDbTables() {}

  static Connection connect() throws SQLException {
    Properties p = new Properties();
    p.put("user", "root");
    return DriverManager.getConnection("jdbc:mariadb://" + HOST + "/", p);
  }

  static long scalar(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return rs.getLong(1);
    }
  }

  static void execute(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static long count(String database, String table) throws SQLException {
    boolean exists =
        scalar(
                "SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
                    + database
                    + "' AND TABLE_NAME = '"
                    + table
                    + "'")
            > 0;
    return exists ? scalar("SELECT count(*) FROM " + database + "." + table) : -1;
  }

  /** Waits until the table holds at least {@code rows} committed rows. */
  static void awaitRows(String database, String table, long rows) {
    Api.await(
        database + "." + table + " to hold " + rows + " rows",
        Duration.ofSeconds(120),
        Duration.ofMillis(50),
        () -> count(database, table),
        n -> n >= rows);
  }

  /**
   * A digest of every row's values: the rows, their distinct ids and an XOR of a CRC of each row's
   * columns, so two tables with the same rows in any order agree and a missing, repeated or changed
   * row shows.
   */
  static String checksum(String database, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '"
                    + database
                    + "' AND TABLE_NAME = '"
                    + table
                    + "' ORDER BY ORDINAL_POSITION")) {
      while (rs.next()) {
        columns.add("COALESCE(`" + rs.getString(1) + "`, '\\\\N')");
      }
    }
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*), count(DISTINCT id), BIT_XOR(CRC32(CONCAT_WS('|', "
                    + String.join(", ", columns)
                    + "))), SUM(CRC32(CONCAT_WS('|', "
                    + String.join(", ", columns)
                    + "))) FROM "
                    + database
                    + "."
                    + table)) {
      assertTrue(rs.next());
      return rs.getLong(1)
          + " rows, "
          + rs.getLong(2)
          + " ids, "
          + rs.getString(3)
          + "/"
          + rs.getString(4);
    }
  }
}
