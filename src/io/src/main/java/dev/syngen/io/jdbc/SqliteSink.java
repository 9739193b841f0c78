package dev.syngen.io.jdbc;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TableMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes entities into a SQLite database file with multi-row prepared inserts, one transaction per
 * batch. Times, dates and UUIDs are stored as ISO-8601 / canonical TEXT, booleans as 0/1.
 */
public final class SqliteSink implements Sink {
  private static final String KIND =
      "SELECT type FROM sqlite_schema WHERE type IN ('table', 'view') AND name = ? COLLATE NOCASE";
  private static final String COLUMNS =
      "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?)";

  private final Path file;

  SqliteSink(Path file) {
    this.file = file;
  }

  /** Opens a connection tuned for bulk loading: WAL journal, no fsync, a generous busy wait. */
  static Connection connect(Path file) throws SQLException {
    Connection c = DriverManager.getConnection(JdbcUrls.sqliteUrl(file));
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 10000");
      s.execute("PRAGMA journal_mode = WAL");
      s.execute("PRAGMA synchronous = OFF");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /**
   * Checks every entity's existing table first and fails with all mismatches before changing
   * anything; then, in one transaction, creates missing tables and empties existing ones.
   */
  @Override
  public void prepare(List<CompiledEntity> entities, TableMode mode) {
    createParentDirectories();
    try (Connection c = connect(file)) {
      c.setAutoCommit(false);
      TableInspection found = inspect(c, entities);
      found.throwIfProblems("sqlite target " + file);
      try (Statement s = c.createStatement()) {
        for (CompiledEntity e : found.missing) {
          s.execute(createTable(e));
        }
        if (mode == TableMode.TRUNCATE_THEN_INSERT) {
          for (String table : found.existing) {
            s.execute("DELETE FROM " + Sql.quote(table));
          }
        }
      }
      c.commit();
    } catch (SQLException e) {
      throw failure("preparing tables", e);
    }
  }

  private static TableInspection inspect(Connection c, List<CompiledEntity> entities)
      throws SQLException {
    TableInspection found = new TableInspection();
    for (CompiledEntity e : entities) {
      String table = Sql.table(e);
      Optional<String> kind = kind(c, table);
      if (kind.isEmpty()) {
        found.missing.add(e);
      } else if (!kind.get().equals("table")) {
        found.problems.add(
            table + " exists but is a " + kind.get() + "; fix: drop it or set target_table");
      } else {
        found.problems.addAll(SqliteTypes.CHECK.mismatches(table, e, columns(c, table)));
        found.existing.add(table);
      }
    }
    return found;
  }

  private void createParentDirectories() {
    Path parent = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new SinkException(
          "sqlite target "
              + file
              + ": cannot create directory "
              + parent
              + " ("
              + e
              + "); fix: choose a writable path",
          e);
    }
  }

  private static Optional<String> kind(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(KIND)) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  private static List<ExistingColumn> columns(Connection c, String table) throws SQLException {
    List<ExistingColumn> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String type = rs.getString(2);
          boolean rowid = rs.getInt(5) > 0 && "INTEGER".equalsIgnoreCase(type);
          boolean hasDefault = rs.getString(4) != null || rowid;
          int hidden = rs.getInt(6);
          out.add(
              new ExistingColumn(
                  rs.getString(1),
                  type,
                  rs.getInt(3) != 0,
                  hasDefault,
                  hidden == 2 || hidden == 3));
        }
      }
    }
    return out;
  }

  private static String createTable(CompiledEntity e) {
    return "CREATE TABLE "
        + Sql.quote(Sql.table(e))
        + " ("
        + e.columns().stream()
            .map(col -> Sql.quote(col.name()) + " " + SqliteTypes.declared(col.type()))
            .collect(Collectors.joining(", "))
        + ")";
  }

  @Override
  public EntityWriter<BoundRows> open(CompiledEntity entity, long startRow) {
    try {
      return new SqliteWriter(connect(file), entity);
    } catch (SQLException e) {
      throw failure("opening a writer for " + Sql.table(entity), e);
    }
  }

  @Override
  public void close() {
    // Writers own their connections; prepare closes its own.
  }

  private SinkException failure(String what, SQLException e) {
    return new SinkException(
        "sqlite target " + file + ": " + what + " failed: " + e.getMessage(), e);
  }
}
