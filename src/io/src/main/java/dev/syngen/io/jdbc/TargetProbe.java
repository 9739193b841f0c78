package dev.syngen.io.jdbc;

import dev.syngen.core.sink.Redactor;
import dev.syngen.core.sink.TargetTestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Tests a database target by connecting and trying what a run does (create, insert, truncate, drop)
 * on a scratch table {@code syngen_probe_<random>}, inside a transaction that is rolled back.
 */
final class TargetProbe {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Connection connection;
  private final List<String> refused = new ArrayList<>();

  private TargetProbe(Connection connection) {
    this.connection = connection;
  }

  static TargetTestResult postgres(JdbcUrls.Postgres target, String schema) {
    long t0 = System.nanoTime();
    try (Connection c = target.connect()) {
      String version = version(c);
      long latency = millisSince(t0);
      c.setAutoCommit(false);
      TargetProbe p = new TargetProbe(c);
      String table = PostgresTables.qualified(schema, scratchName());
      boolean create =
          (PostgresTables.schemaExists(c, schema)
                  || p.attempt("create schema " + schema, "CREATE SCHEMA " + Sql.quote(schema)))
              && p.attempt(
                  "create tables in schema " + schema, "CREATE TABLE " + table + " (id int)");
      boolean insert = create && p.attempt("insert", "INSERT INTO " + table + " VALUES (1)");
      boolean truncate = create && p.attempt("truncate", "TRUNCATE TABLE " + table);
      boolean drop = create && p.attempt("drop tables", "DROP TABLE " + table);
      c.rollback();
      return p.result(latency, version, create && drop, truncate, insert);
    } catch (SQLException e) {
      return TargetTestResult.failed(
          millisSince(t0),
          "cannot connect to postgres target " + target + ": " + e.getMessage() + hint(e));
    }
  }

  static TargetTestResult sqlite(Path file) {
    long t0 = System.nanoTime();
    boolean existed = Files.exists(file);
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      try (Connection c = DriverManager.getConnection(JdbcUrls.sqliteUrl(file))) {
        String version = version(c);
        long latency = millisSince(t0);
        c.setAutoCommit(false);
        TargetProbe p = new TargetProbe(c);
        String table = Sql.quote(scratchName());
        boolean create = p.attempt("create tables", "CREATE TABLE " + table + " (id INTEGER)");
        boolean insert = create && p.attempt("insert", "INSERT INTO " + table + " VALUES (1)");
        boolean truncate = create && p.attempt("delete", "DELETE FROM " + table);
        boolean drop = create && p.attempt("drop tables", "DROP TABLE " + table);
        c.rollback();
        return p.result(latency, version, create && drop, truncate, insert);
      }
    } catch (SQLException | IOException e) {
      return TargetTestResult.failed(
          millisSince(t0),
          "cannot open sqlite database "
              + file
              + ": "
              + e.getMessage()
              + "; fix: use a writable path");
    } finally {
      if (!existed) {
        deleteProbeFiles(file);
      }
    }
  }

  /**
   * MariaDB commits DDL as it runs, so the scratch table is dropped at the end rather than rolled
   * back; the database is created when missing, as a run would.
   */
  static TargetTestResult mariadb(MariaDbSink sink, JdbcUrls.MariaDb target, String database) {
    long t0 = System.nanoTime();
    try (Connection c = sink.connect()) {
      String version = version(c);
      long latency = millisSince(t0);
      TargetProbe p = new TargetProbe(c);
      String table = sink.qualified(scratchName());
      boolean db =
          p.step(
              "create database " + database,
              "CREATE DATABASE IF NOT EXISTS " + Sql.quote(database));
      boolean create =
          db && p.step("create tables in " + database, "CREATE TABLE " + table + " (id int)");
      boolean insert = create && p.step("insert", "INSERT INTO " + table + " VALUES (1)");
      boolean truncate = create && p.step("truncate", "TRUNCATE TABLE " + table);
      boolean drop = create && p.step("drop tables", "DROP TABLE IF EXISTS " + table);
      return p.result(latency, version, create && drop, truncate, insert);
    } catch (SQLException e) {
      return TargetTestResult.failed(
          millisSince(t0),
          "cannot connect to mariadb target "
              + target
              + ": "
              + e.getMessage().lines().findFirst().orElse("")
              + hint(e));
    }
  }

  /** Runs one auto-committed step; a refusal is recorded and the next steps still run. */
  private boolean step(String what, String sql) {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
      return true;
    } catch (SQLException e) {
      refused.add(what + " (" + e.getMessage().lines().findFirst().orElse("") + ")");
      return false;
    }
  }

  /** Runs one step under a savepoint, so a refusal does not abort the steps after it. */
  private boolean attempt(String what, String sql) {
    try {
      Savepoint sp = connection.setSavepoint();
      try (Statement s = connection.createStatement()) {
        s.execute(sql);
        connection.releaseSavepoint(sp);
        return true;
      } catch (SQLException e) {
        connection.rollback(sp);
        refused.add(what + " (" + e.getMessage() + ")");
        return false;
      }
    } catch (SQLException e) {
      refused.add(what + " (" + e.getMessage() + ")");
      return false;
    }
  }

  private TargetTestResult result(
      long latency, String version, boolean create, boolean truncate, boolean insert) {
    boolean ok = refused.isEmpty();
    String error =
        ok ? null : Redactor.text("connected, but cannot " + String.join("; cannot ", refused));
    return new TargetTestResult(ok, latency, version, create, truncate, insert, error);
  }

  /** "PostgreSQL 15.19", "SQLite 3.47.1": the product and its version number only. */
  private static String version(Connection c) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    String v = md.getDatabaseProductVersion().trim();
    int space = v.indexOf(' ');
    return md.getDatabaseProductName() + " " + (space < 0 ? v : v.substring(0, space));
  }

  private static String scratchName() {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    return "syngen_probe_" + HexFormat.of().formatHex(b);
  }

  private static String hint(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("08")) {
      return "; fix: check host and port, and that the server accepts TCP connections";
    }
    if (state.startsWith("28")) {
      return "; fix: check the user name and password";
    }
    if (state.equals("3D000")) {
      return "; fix: create the database or correct its name in the DSN";
    }
    return "";
  }

  private static void deleteProbeFiles(Path file) {
    for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
      try {
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
      } catch (IOException e) {
        // A leftover empty probe file is harmless; the test result is what matters.
      }
    }
  }

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
