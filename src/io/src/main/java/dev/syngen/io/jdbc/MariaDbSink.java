package dev.syngen.io.jdbc;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.PartitionCommits;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TableMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Writes entities into a MariaDB (or MySQL) database with multi-row prepared inserts, in UTC.
 * Existing tables are checked against the scenario first; missing ones are created ({@link
 * MariaDbTypes}); {@code truncate_then_insert} empties existing tables with foreign-key checks off
 * for that statement only. While rows arrive, the server enforces every key and constraint the
 * tables declare, so a copy made from a drafted DDL is checked as it fills.
 *
 * <p>Restarts are exact as for PostgreSQL: an entity is one transaction, committed when it is
 * finished, and a partitioned run commits each row range together with its partition marker in
 * {@code syngen_partition_commits} (see {@link PartitionCommits}).
 */
public final class MariaDbSink implements Sink, PartitionCommits {
  private static final String KIND =
      "SELECT TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";
  private static final String COLUMNS =
      "SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA"
          + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
          + " ORDER BY ORDINAL_POSITION";

  private final JdbcUrls.MariaDb target;
  private final String database;
  private final PartitionMarkers markers;

  MariaDbSink(JdbcUrls.MariaDb target, String database) {
    this.target = target;
    this.database = database;
    this.markers = PartitionMarkers.mariadb(database);
  }

  Connection connect() throws SQLException {
    Connection c = target.connect();
    try {
      MariaDbSession.prepareWriter(c);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  @Override
  public void prepare(List<CompiledEntity> entities, TableMode mode) {
    try (Connection c = connect()) {
      TableInspection found = inspect(c, entities);
      found.throwIfProblems("mariadb target " + target + ", database " + database);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE IF NOT EXISTS " + Sql.quote(database));
        for (CompiledEntity e : found.missing) {
          s.execute(createTable(e));
        }
        if (mode == TableMode.TRUNCATE_THEN_INSERT && !found.existing.isEmpty()) {
          // the copy's own foreign keys would refuse to empty a parent before its children
          s.execute("SET SESSION foreign_key_checks = 0");
          for (String table : found.existing) {
            s.execute("TRUNCATE TABLE " + qualified(table));
          }
          s.execute("SET SESSION foreign_key_checks = 1");
        }
      }
    } catch (SQLException e) {
      throw failure("preparing tables", e);
    }
  }

  private TableInspection inspect(Connection c, List<CompiledEntity> entities) throws SQLException {
    TableInspection found = new TableInspection();
    for (CompiledEntity e : entities) {
      String table = Sql.table(e);
      Optional<String> kind = kind(c, table);
      if (kind.isEmpty()) {
        found.missing.add(e);
      } else if (!kind.get().equals("BASE TABLE")) {
        found.problems.add(
            table
                + " exists but is a "
                + kind.get().toLowerCase(Locale.ROOT)
                + "; fix: drop it or set target_table");
      } else {
        found.problems.addAll(MariaDbTypes.CHECK.mismatches(table, e, columns(c, table)));
        found.existing.add(table);
      }
    }
    return found;
  }

  private Optional<String> kind(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(KIND)) {
      ps.setString(1, database);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  private List<ExistingColumn> columns(Connection c, String table) throws SQLException {
    List<ExistingColumn> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
      ps.setString(1, database);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String extra = rs.getString(5) == null ? "" : rs.getString(5).toUpperCase(Locale.ROOT);
          String dflt = rs.getString(4);
          boolean notNull = "NO".equals(rs.getString(3));
          out.add(
              new ExistingColumn(
                  rs.getString(1),
                  rs.getString(2),
                  notNull,
                  (dflt != null && !(notNull && dflt.equalsIgnoreCase("NULL")))
                      || extra.contains("AUTO_INCREMENT"),
                  extra.contains("GENERATED")));
        }
      }
    }
    return out;
  }

  String qualified(String table) {
    return Sql.quote(database) + "." + Sql.quote(table);
  }

  private String createTable(CompiledEntity e) {
    return "CREATE TABLE "
        + qualified(Sql.table(e))
        + " ("
        + e.columns().stream()
            .map(col -> Sql.quote(col.name()) + " " + MariaDbTypes.declared(col.type()))
            .collect(Collectors.joining(", "))
        + ")";
  }

  @Override
  public EntityWriter<BoundRows> open(CompiledEntity entity, long startRow) {
    return open(entity, CommitStep.NONE, CommitStep.NONE);
  }

  /** {@code beforeRows} runs first in the writer's transaction, {@code beforeCommit} last. */
  private EntityWriter<BoundRows> open(
      CompiledEntity entity, CommitStep beforeRows, CommitStep beforeCommit) {
    try {
      Connection c = connect();
      try {
        c.setAutoCommit(false);
        beforeRows.run(c);
      } catch (SQLException | RuntimeException e) {
        c.close();
        throw e;
      }
      return new MariaDbWriter(c, qualified(Sql.table(entity)), entity, beforeCommit);
    } catch (SQLException e) {
      throw failure("opening a writer for " + Sql.table(entity), e);
    }
  }

  @Override
  public void prepareMarkers() {
    try (Connection c = connect()) {
      markers.create(c);
    } catch (SQLException e) {
      throw failure("creating " + PartitionMarkers.TABLE, e);
    }
  }

  @Override
  public EntityWriter<?> openRange(
      String runId, CompiledEntity entity, long first, long from, long to) {
    return open(
        entity,
        c -> markers.claim(c, runId, entity.name(), first, from),
        c -> markers.advance(c, runId, entity.name(), first, to));
  }

  @Override
  public OptionalLong committedNext(String runId, CompiledEntity entity, long first) {
    try (Connection c = connect()) {
      return markers.next(c, runId, entity.name(), first);
    } catch (SQLException e) {
      throw failure("reading the partition marker of entity " + entity.name(), e);
    }
  }

  @Override
  public void forgetMarkers(String runId) {
    try (Connection c = connect()) {
      markers.forget(c, runId);
    } catch (SQLException e) {
      throw failure("deleting the partition markers of run " + runId, e);
    }
  }

  @Override
  public void close() {
    // Writers own their connections; prepare closes its own.
  }

  private SinkException failure(String what, SQLException e) {
    return new SinkException(
        "mariadb target "
            + target
            + ", database "
            + database
            + ": "
            + what
            + " failed: "
            + e.getMessage().lines().findFirst().orElse(""),
        e);
  }
}
