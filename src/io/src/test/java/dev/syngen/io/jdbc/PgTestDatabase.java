package dev.syngen.io.jdbc;

import dev.syngen.core.sink.TargetProfile;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The real local PostgreSQL the tests write to ({@code SYNGEN_TEST_PG_DSN}, default trust-auth
 * postgres on 127.0.0.1), with one schema prefix per test class and every schema dropped after.
 */
final class PgTestDatabase implements AutoCloseable {
  static final String DSN =
      System.getenv().getOrDefault("SYNGEN_TEST_PG_DSN", "postgres://postgres@127.0.0.1:5432/test");

  private final String prefix;
  private final List<String> schemas = new ArrayList<>();

  PgTestDatabase(String name) {
    byte[] b = new byte[4];
    ThreadLocalRandom.current().nextBytes(b);
    this.prefix = "syngen_t_" + name + "_" + HexFormat.of().formatHex(b);
  }

  /** A fresh schema name for one test, dropped in {@link #close}. */
  synchronized String schema(String suffix) {
    String s = prefix + "_" + suffix;
    schemas.add(s);
    return s;
  }

  static TargetProfile profile(String schema, Map<String, String> options) {
    return new TargetProfile("pg", "pg", "postgres", DSN, schema, options);
  }

  static PostgresCopySink sink(String schema, String copyFormat) {
    return (PostgresCopySink)
        new JdbcSinkFactory().open(profile(schema, Map.of("copy_format", copyFormat)));
  }

  static Connection connect() throws SQLException {
    return JdbcUrls.postgres(DSN).connect();
  }

  static long queryLong(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String queryString(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  static void execute(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public synchronized void close() throws SQLException {
    for (String s : schemas) {
      execute("DROP SCHEMA IF EXISTS \"" + s + "\" CASCADE");
    }
  }
}
