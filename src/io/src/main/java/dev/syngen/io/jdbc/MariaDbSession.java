package dev.syngen.io.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Session settings every syngen connection to MariaDB/MySQL uses. */
final class MariaDbSession {
  private MariaDbSession() {}

  /** ANSI quotes, so identifiers are double-quoted as for PostgreSQL and SQLite; read-only. */
  static void prepare(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES')");
    }
    c.setReadOnly(true);
  }
}
