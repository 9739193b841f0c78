package dev.syngen.io.jdbc;

import dev.syngen.core.engine.ValueFormat;
import dev.syngen.core.fidelity.Reservoir;
import dev.syngen.core.fidelity.TableSource;
import dev.syngen.core.sink.SinkException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads tables back from PostgreSQL, SQLite or MariaDB/MySQL for the fidelity validator. Statistics
 * sample rows: PostgreSQL with {@code TABLESAMPLE BERNOULLI … REPEATABLE}, SQLite by reservoir over
 * a scan; integrity rules stream the whole table with a server-side cursor, in insertion order
 * (SQLite rowid; PostgreSQL physical order with synchronised scans off) unless an order column is
 * given. Timestamps come back as ISO-8601 instants, as the file targets write them. Identifiers are
 * allow-listed and quoted.
 */
public final class JdbcTableSource implements TableSource {
  private static final int FETCH = 10_000;
  private final Connection connection;
  private final String schema; // null for SQLite
  private final boolean postgres;
  private final boolean mariadb;

  private JdbcTableSource(Connection connection, String schema, boolean postgres) {
    this(connection, schema, postgres, false);
  }

  private JdbcTableSource(Connection connection, String schema, boolean postgres, boolean mariadb) {
    this.connection = connection;
    this.schema = schema;
    this.postgres = postgres;
    this.mariadb = mariadb;
  }

  /**
   * A MariaDB/MySQL database, read with ANSI quotes so identifiers are quoted as everywhere else;
   * samples by reservoir over a scan.
   */
  public static JdbcTableSource mariadb(String dsn, String database) {
    try {
      JdbcUrls.MariaDb m = JdbcUrls.mariadb(dsn);
      Connection c = m.connect();
      MariaDbSession.prepare(c);
      return new JdbcTableSource(
          c, database == null || database.isBlank() ? m.database() : database, false, true);
    } catch (SQLException e) {
      throw new SinkException("cannot connect to MariaDB: " + e.getMessage(), e);
    }
  }

  public static JdbcTableSource postgres(String dsn, String schema) {
    try {
      Connection c = JdbcUrls.postgres(dsn).connect();
      c.setAutoCommit(false);
      c.setReadOnly(true);
      try (Statement s = c.createStatement()) {
        // a sequential scan then starts at the first block: physical order is insertion order
        s.execute("SET synchronize_seqscans = off");
      }
      return new JdbcTableSource(
          c, schema == null || schema.isBlank() ? JdbcSinkFactory.DEFAULT_SCHEMA : schema, true);
    } catch (SQLException e) {
      throw new SinkException("cannot connect to PostgreSQL: " + e.getMessage(), e);
    }
  }

  public static JdbcTableSource sqlite(String dsn) {
    try {
      return new JdbcTableSource(
          java.sql.DriverManager.getConnection(JdbcUrls.sqliteUrl(JdbcUrls.sqlitePath(dsn))),
          null,
          false);
    } catch (SQLException e) {
      throw new SinkException("cannot open SQLite file: " + e.getMessage(), e);
    }
  }

  private String table(String name) {
    return schema == null ? Sql.quote(name) : Sql.quote(schema) + "." + Sql.quote(name);
  }

  private static String columns(List<String> columns) {
    return columns.stream().map(Sql::quote).collect(Collectors.joining(", "));
  }

  @Override
  public List<String> columns(String table) {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table(table) + " WHERE 1 = 0")) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        names.add(md.getColumnName(i));
      }
      return names;
    } catch (SQLException e) {
      throw missing(table, e);
    }
  }

  @Override
  public Sample sample(String table, List<String> columns, int n, long seed) {
    long rows = count(table);
    String select = "SELECT " + columns(columns) + " FROM " + table(table);
    if (postgres && rows > n) {
      double percent = Math.min(100, 100.0 * 1.2 * n / rows);
      select +=
          String.format(
              Locale.ROOT,
              " TABLESAMPLE BERNOULLI (%.6f) REPEATABLE (%d)",
              percent,
              Math.floorMod(seed, Integer.MAX_VALUE));
    }
    Reservoir reservoir = new Reservoir(n, seed);
    String[][] kept = new String[n][];
    query(
        table,
        select,
        values -> {
          int slot = reservoir.next();
          if (slot >= 0) {
            kept[slot] = values.clone();
          }
        });
    int size = (int) Math.min(n, reservoir.seen());
    return new Sample(rows, Arrays.asList(Arrays.copyOf(kept, size)));
  }

  @Override
  public void scan(String table, List<String> columns, String orderBy, RowVisitor visitor) {
    String order =
        orderBy != null ? Sql.quote(orderBy) : postgres ? "ctid" : mariadb ? null : "rowid";
    query(
        table,
        "SELECT "
            + columns(columns)
            + " FROM "
            + table(table)
            + (order == null ? "" : " ORDER BY " + order),
        visitor);
  }

  private long count(String table) {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table(table))) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw missing(table, e);
    }
  }

  private void query(String table, String sql, RowVisitor visitor) {
    try (Statement s = connection.createStatement()) {
      s.setFetchSize(FETCH);
      try (ResultSet rs = s.executeQuery(sql)) {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
          // SQLite keeps times as the ISO-8601 text they were written as, whatever the declared
          // type (TIMESTAMP, DATETIME); its driver's timestamp parsing would reject them
          types[i] = schema == null ? Types.VARCHAR : md.getColumnType(i + 1);
        }
        String[] values = new String[n];
        while (rs.next()) {
          for (int i = 0; i < n; i++) {
            values[i] = text(rs, i + 1, types[i], mariadb);
          }
          visitor.row(values);
        }
      }
    } catch (SQLException e) {
      throw missing(table, e);
    }
  }

  private static String text(ResultSet rs, int i, int type, boolean utcWithoutZone)
      throws SQLException {
    switch (type) {
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE:
        if (utcWithoutZone) {
          // MariaDB's DATETIME has no zone: syngen writes (and its session reads) UTC
          LocalDateTime l = rs.getObject(i, LocalDateTime.class);
          return l == null
              ? null
              : ValueFormat.timestamp(l.toInstant(ZoneOffset.UTC).toEpochMilli());
        }
        Timestamp t = rs.getTimestamp(i);
        return t == null ? null : ValueFormat.timestamp(t.getTime());
      case Types.DATE:
        LocalDate d = rs.getObject(i, LocalDate.class);
        return d == null ? null : d.toString();
      default:
        return rs.getString(i);
    }
  }

  private SinkException missing(String table, SQLException e) {
    String where = schema != null ? "schema " + schema : "the SQLite file";
    return new SinkException(
        "cannot read table '"
            + table
            + "' in "
            + where
            + ": "
            + e.getMessage().lines().findFirst().orElse(""),
        e);
  }

  @Override
  public void close() {
    try {
      if (postgres) {
        connection.rollback();
      }
      connection.close();
    } catch (SQLException e) {
      throw new SinkException("cannot close the connection: " + e.getMessage(), e);
    }
  }
}
