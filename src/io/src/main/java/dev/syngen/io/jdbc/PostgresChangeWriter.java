package dev.syngen.io.jdbc;

import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.Redactor;
import dev.syngen.core.sink.SinkException;
import dev.syngen.io.encode.ByteBuf;
import dev.syngen.io.encode.JsonRecords;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a lifecycle's change stream ({@code <entity>_cdc}) to the entity's own table instead of
 * writing the envelopes as rows ({@code options.cdc: apply}): each envelope, encoded exactly as a
 * message target sends it, becomes an insert, an update or a delete, in the order the run writes
 * them. One connection and one transaction per entity, committed by {@link #finish}, like COPY.
 */
final class PostgresChangeWriter implements EntityWriter<List<String>> {
  private final Connection connection;
  private final DebeziumApplier applier;
  private final JsonRecords json;
  private final CommitStep beforeCommit;
  private final String what;
  private boolean finished;

  PostgresChangeWriter(
      Connection connection,
      String schema,
      String table,
      CompiledEntity changes,
      CommitStep beforeCommit)
      throws SQLException {
    connection.setAutoCommit(false);
    this.connection = connection;
    this.applier = new DebeziumApplier(connection, schema, table);
    this.json = new JsonRecords(changes);
    this.beforeCommit = beforeCommit;
    this.what = "applying " + changes.name() + " to " + schema + "." + table;
  }

  @Override
  public List<String> encode(RowBatch batch) {
    List<String> out = new ArrayList<>(batch.size());
    ByteBuf buf = new ByteBuf(512);
    for (int i = 0; i < batch.size(); i++) {
      buf.clear();
      json.row(batch, i, buf);
      out.add(new String(buf.data, 0, buf.size, StandardCharsets.UTF_8));
    }
    return out;
  }

  @Override
  public void write(List<String> envelopes) {
    for (String e : envelopes) {
      applier.apply(e);
    }
  }

  @Override
  public void finish() {
    if (finished) {
      return;
    }
    try {
      beforeCommit.run(connection);
      connection.commit();
      finished = true;
    } catch (SQLException e) {
      throw new SinkException(what + " failed: " + Redactor.text(e.getMessage()), e);
    }
  }

  @Override
  public void close() {
    try (connection) {
      applier.close();
      if (!finished) {
        connection.rollback();
      }
    } catch (SQLException e) {
      // Already failing or finished: closing the connection rolls back whatever was not committed.
    }
  }
}
