package dev.syngen.io.jdbc;

import dev.syngen.core.engine.ColumnVector;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.SinkException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;

/**
 * Inserts one entity's batches into MariaDB/MySQL with a prepared statement of many rows (one round
 * trip for hundreds of rows), in one transaction that {@link #finish} commits (after its {@link
 * CommitStep}, e.g. a partition marker) and {@link #close} without finish rolls back. As with
 * PostgreSQL, the target then holds an entity (or a partition's range) whole or not at all, so a
 * restarted run knows exactly where to continue.
 */
final class MariaDbWriter implements EntityWriter<BoundRows> {
  /** Far below the protocol's 65,535 placeholders and the default 16 MB packet. */
  private static final int MAX_PARAMS = 16_384;

  private static final int MAX_ROWS_PER_INSERT = 1_000;

  private final Connection connection;
  private final String table;
  private final int rowsPerInsert;
  private final PreparedStatement many;
  private final PreparedStatement one;
  private final CommitStep beforeCommit;

  MariaDbWriter(Connection connection, String table, CompiledEntity entity, CommitStep beforeCommit)
      throws SQLException {
    this.connection = connection;
    this.table = table;
    this.beforeCommit = beforeCommit;
    int cols = entity.columns().size();
    this.rowsPerInsert = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, MAX_PARAMS / cols));
    try {
      connection.setAutoCommit(false);
      this.many = connection.prepareStatement(insert(entity, rowsPerInsert));
      this.one = connection.prepareStatement(insert(entity, 1));
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  private String insert(CompiledEntity e, int rows) {
    String row = "(" + String.join(", ", Collections.nCopies(e.columns().size(), "?")) + ")";
    return "INSERT INTO "
        + table
        + " ("
        + Sql.columnList(e)
        + ") VALUES "
        + String.join(", ", Collections.nCopies(rows, row));
  }

  @Override
  public BoundRows encode(RowBatch batch) {
    return BoundRows.of(batch, true);
  }

  @Override
  public void write(BoundRows rows) {
    int n = rows.batch().size();
    try {
      int i = 0;
      for (; i + rowsPerInsert <= n; i += rowsPerInsert) {
        for (int r = 0; r < rowsPerInsert; r++) {
          bind(many, r * rows.text().length, rows, i + r);
        }
        many.executeUpdate();
      }
      for (; i < n; i++) {
        bind(one, 0, rows, i);
        one.executeUpdate();
      }
    } catch (SQLException e) {
      throw new SinkException(
          "inserting rows "
              + rows.batch().firstRow()
              + ".."
              + (rows.batch().firstRow() + n - 1)
              + " into "
              + table
              + " failed: "
              + e.getMessage().lines().findFirst().orElse(""),
          e);
    }
  }

  private static void bind(PreparedStatement ps, int offset, BoundRows rows, int i)
      throws SQLException {
    RowBatch b = rows.batch();
    for (int c = 0; c < rows.text().length; c++) {
      ColumnVector v = b.column(c);
      int p = offset + c + 1;
      if (v.isNull(i)) {
        ps.setNull(p, Types.NULL);
        continue;
      }
      switch (v.kind) {
        case LONG, BOOL -> ps.setLong(p, v.longs[i]);
        case DOUBLE -> ps.setDouble(p, v.doubles[i]);
        case STRING -> ps.setString(p, v.strings[i]);
        case TIMESTAMP, DATE, UUID -> ps.setString(p, rows.text()[c][i]);
      }
    }
  }

  @Override
  public void finish() {
    try {
      beforeCommit.run(connection);
      connection.commit();
    } catch (SQLException e) {
      throw new SinkException(
          "committing " + table + " failed: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  @Override
  public void close() {
    try (connection) {
      connection.rollback();
    } catch (SQLException e) {
      // Closing after a failure: the server rolls back the open transaction with the session.
    }
  }
}
