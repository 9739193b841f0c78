package dev.syngen.io.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Session settings every syngen connection to MariaDB/MySQL uses. */
final class MariaDbSession {
  private MariaDbSession() {}

  /** A session that reads: {@link #prepareWriter}'s settings, and read-only. */
  static void prepare(Connection c) throws SQLException {
    prepareWriter(c);
    c.setReadOnly(true);
  }

  /**
   * ANSI quotes, so identifiers are double-quoted as for PostgreSQL and SQLite, and UTC, so a
   * TIMESTAMP column converts nothing and DATETIME values are the instants syngen wrote.
   */
  static void prepareWriter(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES')");
      s.execute("SET SESSION time_zone = '+00:00'");
    }
  }
}
