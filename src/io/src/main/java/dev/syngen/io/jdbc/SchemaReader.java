package dev.syngen.io.jdbc;

import dev.syngen.core.fidelity.TableSource;
import dev.syngen.core.plan.Identifiers;
import dev.syngen.core.schema.DbSchema;
import dev.syngen.core.schema.DbSchema.DbTable;
import dev.syngen.core.schema.SchemaProfiler;
import dev.syngen.core.schema.TableSelection;
import dev.syngen.core.sink.SinkException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads an existing schema of PostgreSQL, SQLite or MariaDB/MySQL: its catalogue (through the
 * dialect's {@link Catalog}), row counts ({@code count(*)} within a time limit, else the
 * catalogue's estimate), children per parent for each foreign key, and a {@link TableSource} for
 * sampling. Every statement is read-only; identifiers are allow-listed and quoted.
 */
public final class SchemaReader implements AutoCloseable, SchemaProfiler.ChildCounts {
  private final String dialect;
  private final String schema;
  private final Connection connection;
  private final Catalog catalog;
  private final String dsn;
  private Duration limit = Duration.ofSeconds(30);

  private SchemaReader(
      String dialect, String schema, Connection connection, Catalog catalog, String dsn) {
    this.dialect = dialect;
    this.schema = schema;
    this.connection = connection;
    this.catalog = catalog;
    this.dsn = dsn;
  }

  /** The dialect of a kind (postgres, sqlite, mariadb), or empty if syngen cannot read it. */
  public static String dialect(String kind) {
    return switch (kind == null ? "" : kind.toLowerCase(Locale.ROOT)) {
      case "postgres", "postgresql" -> "postgres";
      case "sqlite" -> "sqlite";
      case "mariadb", "mysql" -> "mariadb";
      default -> "";
    };
  }

  /** The kind a DSN names by its scheme, or empty when it names none. */
  public static String kindOf(String dsn) {
    String d = dsn.trim().toLowerCase(Locale.ROOT);
    if (d.startsWith("postgres://")
        || d.startsWith("postgresql://")
        || d.startsWith("jdbc:postgresql:")) {
      return "postgres";
    }
    if (d.startsWith("mariadb://")
        || d.startsWith("mysql://")
        || d.startsWith("jdbc:mariadb:")
        || d.startsWith("jdbc:mysql:")) {
      return "mariadb";
    }
    if (d.startsWith("sqlite:")
        || d.startsWith("jdbc:sqlite:")
        || d.endsWith(".db")
        || d.endsWith(".sqlite")
        || d.endsWith(".sqlite3")) {
      return "sqlite";
    }
    return "";
  }

  public static SchemaReader open(String kind, String dsn, String schema) {
    String dialect = dialect(kind);
    if (schema != null && !schema.isBlank() && !Identifiers.isSafe(schema)) {
      throw new IllegalArgumentException(
          "schema '" + schema + "' is not a safe SQL identifier; " + Identifiers.RULE);
    }
    try {
      switch (dialect) {
        case "postgres" -> {
          Connection c = JdbcUrls.postgres(dsn).connect();
          c.setReadOnly(true);
          String s = schema == null || schema.isBlank() ? JdbcSinkFactory.DEFAULT_SCHEMA : schema;
          return new SchemaReader(dialect, s, c, new PostgresCatalog(), dsn);
        }
        case "sqlite" -> {
          java.nio.file.Path file = JdbcUrls.sqlitePath(dsn);
          if (!java.nio.file.Files.isRegularFile(file)) {
            throw new SinkException("no SQLite database file " + file);
          }
          Connection c = DriverManager.getConnection(JdbcUrls.sqliteUrl(file) + "?open_mode=1");
          return new SchemaReader(dialect, "main", c, new SqliteCatalog(), dsn);
        }
        case "mariadb" -> {
          JdbcUrls.MariaDb m = JdbcUrls.mariadb(dsn);
          Connection c = m.connect();
          MariaDbSession.prepare(c);
          String s = schema == null || schema.isBlank() ? m.database() : schema;
          if (s.isBlank() || !Identifiers.isSafe(s)) {
            throw new IllegalArgumentException(
                "name the database in the DSN (mariadb://user@host:3306/database) or with --schema");
          }
          return new SchemaReader(dialect, s, c, new MariaDbCatalog(), dsn);
        }
        default ->
            throw new IllegalArgumentException(
                "kind '" + kind + "' has no schema to read; use postgres, sqlite or mariadb");
      }
    } catch (SQLException e) {
      throw new SinkException(
          "cannot connect to " + dialect + ": " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  public String dialect() {
    return dialect;
  }

  public String schema() {
    return schema;
  }

  /** How long a {@code count(*)} may take before the catalogue's estimate is used instead. */
  public SchemaReader countLimit(Duration limit) {
    this.limit = limit;
    return this;
  }

  /** The names of the schema's tables. */
  public List<String> tableNames() {
    try {
      return catalog.tables(connection, schema);
    } catch (SQLException e) {
      throw failed("list the tables", e);
    }
  }

  /** The selected tables' definitions. */
  public DbSchema read(List<String> include, List<String> exclude) {
    return read(include, exclude, Integer.MAX_VALUE);
  }

  /** The selected tables' definitions; more than {@code maxTables} of them is an error. */
  public DbSchema read(List<String> include, List<String> exclude, int maxTables) {
    List<String> names = TableSelection.apply(schema, tableNames(), include, exclude);
    if (names.size() > maxTables) {
      throw new IllegalArgumentException(
          names.size()
              + " tables are selected, more than the "
              + maxTables
              + " one draft takes; choose tables with include (or exclude)");
    }
    List<DbTable> tables = new ArrayList<>();
    try {
      for (String n : names) {
        if (!Identifiers.isSafe(n)) {
          throw new IllegalArgumentException(
              "table '" + n + "' has a name syngen cannot quote safely; --exclude it");
        }
        tables.add(catalog.table(connection, schema, n, this::count));
      }
    } catch (SQLException e) {
      throw failed("read the catalogue", e);
    }
    return new DbSchema(dialect, schema, tables);
  }

  private Catalog.Rows count(String table, long estimate) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.setQueryTimeout((int) Math.max(1, limit.toSeconds()));
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + qualified(table))) {
        rs.next();
        return new Catalog.Rows(rs.getLong(1), false);
      }
    } catch (SQLTimeoutException e) {
      if (estimate < 0) {
        throw e;
      }
      return new Catalog.Rows(estimate, true);
    } catch (SQLException e) {
      // PostgreSQL reports a cancelled statement as 57014 rather than a timeout exception
      if ("57014".equals(e.getSQLState()) && estimate >= 0) {
        return new Catalog.Rows(estimate, true);
      }
      throw e;
    }
  }

  @Override
  public Map<Long, Long> histogram(String table, List<String> columns) {
    String cols = columns.stream().map(Sql::quote).collect(Collectors.joining(", "));
    String notNull =
        columns.stream()
            .map(c -> Sql.quote(c) + " IS NOT NULL")
            .collect(Collectors.joining(" AND "));
    String sql =
        "SELECT n, count(*) FROM (SELECT count(*) AS n FROM "
            + qualified(table)
            + " WHERE "
            + notNull
            + " GROUP BY "
            + cols
            + ") x GROUP BY n ORDER BY n";
    Map<Long, Long> out = new LinkedHashMap<>();
    try (Statement s = connection.createStatement()) {
      s.setQueryTimeout((int) Math.max(1, limit.toSeconds() * 4));
      try (ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          out.put(rs.getLong(1), rs.getLong(2));
        }
      }
    } catch (SQLException e) {
      throw failed("count children per parent of " + table, e);
    }
    return out;
  }

  /** A source to sample the schema's tables from (its own connection). */
  public TableSource tables() {
    return switch (dialect) {
      case "postgres" -> JdbcTableSource.postgres(dsn, schema);
      case "sqlite" -> JdbcTableSource.sqlite(dsn);
      default -> JdbcTableSource.mariadb(dsn, schema);
    };
  }

  private String qualified(String table) {
    return dialect.equals("sqlite") ? Sql.quote(table) : Sql.quote(schema) + "." + Sql.quote(table);
  }

  private SinkException failed(String what, SQLException e) {
    return new SinkException(
        "cannot "
            + what
            + " of "
            + dialect
            + " schema "
            + schema
            + ": "
            + e.getMessage().lines().findFirst().orElse(""),
        e);
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new SinkException("cannot close the connection: " + e.getMessage(), e);
    }
  }
}
