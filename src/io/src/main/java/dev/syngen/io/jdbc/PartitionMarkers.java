package dev.syngen.io.jdbc;

import dev.syngen.core.sink.RangeCommittedException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * The table {@code syngen_partition_commits} in the target schema (PostgreSQL) or database
 * (MariaDB/MySQL): per (run, entity, partition's first row), the next row the target holds. It is
 * updated in the same transaction as the rows, so it is exactly as durable as they are.
 */
final class PartitionMarkers {
  static final String TABLE = "syngen_partition_commits";

  private final String table;
  private final String tableOptions;
  private final String upsert;
  private final String keepExisting;

  private PartitionMarkers(String table, String tableOptions, String upsert, String keepExisting) {
    this.table = table;
    this.tableOptions = tableOptions;
    this.upsert = upsert;
    this.keepExisting = keepExisting;
  }

  static PartitionMarkers postgres(String schema) {
    return new PartitionMarkers(
        PostgresTables.qualified(schema, TABLE),
        "",
        " ON CONFLICT (run_id, entity, first_row) DO UPDATE SET next_row = EXCLUDED.next_row",
        " ON CONFLICT (run_id, entity, first_row) DO NOTHING");
  }

  /** InnoDB whatever the server's default engine: the marker must commit with the rows. */
  static PartitionMarkers mariadb(String database) {
    return new PartitionMarkers(
        Sql.quote(database) + "." + Sql.quote(TABLE),
        " ENGINE=InnoDB",
        " ON DUPLICATE KEY UPDATE next_row = VALUES(next_row)",
        " ON DUPLICATE KEY UPDATE next_row = next_row");
  }

  void create(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + table
              + " (run_id varchar(64) NOT NULL, entity varchar(128) NOT NULL,"
              + " first_row bigint NOT NULL, next_row bigint NOT NULL,"
              + " PRIMARY KEY (run_id, entity, first_row))"
              + tableOptions);
    }
  }

  /** Records {@code next}; joins the caller's transaction. */
  void advance(Connection c, String runId, String entity, long first, long next)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + table
                + " (run_id, entity, first_row, next_row) VALUES (?, ?, ?, ?)"
                + upsert)) {
      ps.setString(1, runId);
      ps.setString(2, entity);
      ps.setLong(3, first);
      ps.setLong(4, next);
      ps.executeUpdate();
    }
  }

  /**
   * Locks the partition's marker in the caller's transaction (inserting it at {@code from} when
   * missing) and throws {@link RangeCommittedException} when it is already past {@code from}. A
   * second writer of the range waits here until the first commits or rolls back, then sees its
   * outcome: two servers given the same chunk never both write it.
   */
  void claim(Connection c, String runId, String entity, long first, long from) throws SQLException {
    try (PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO "
                    + table
                    + " (run_id, entity, first_row, next_row) VALUES (?, ?, ?, ?)"
                    + keepExisting);
        PreparedStatement lock =
            c.prepareStatement(
                "SELECT next_row FROM "
                    + table
                    + " WHERE run_id = ? AND entity = ? AND first_row = ? FOR UPDATE")) {
      insert.setString(1, runId);
      insert.setString(2, entity);
      insert.setLong(3, first);
      insert.setLong(4, from);
      insert.executeUpdate();
      lock.setString(1, runId);
      lock.setString(2, entity);
      lock.setLong(3, first);
      try (ResultSet rs = lock.executeQuery()) {
        long next = rs.next() ? rs.getLong(1) : from;
        if (next > from) {
          throw new RangeCommittedException(entity, first, from, next);
        }
      }
    }
  }

  OptionalLong next(Connection c, String runId, String entity, long first) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT next_row FROM "
                + table
                + " WHERE run_id = ? AND entity = ? AND first_row = ?")) {
      ps.setString(1, runId);
      ps.setString(2, entity);
      ps.setLong(3, first);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  void forget(Connection c, String runId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
      ps.setString(1, runId);
      ps.executeUpdate();
    }
  }
}
