package dev.syngen.io.jdbc;

import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.Redactor;
import dev.syngen.core.sink.SinkException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams one entity's batches into a {@code COPY FROM STDIN} on its own connection; {@link
 * #finish} ends the COPY and commits, {@link #close} without finish rolls back.
 */
final class PostgresCopyWriter implements EntityWriter<CopyBuffer> {
  private final Connection connection;
  private final CopyIn copy;
  private final String target;
  private final Function<RowBatch, CopyBuffer> encoder;
  private final boolean binary;
  private final CommitStep beforeCommit;
  private boolean started;
  private boolean finished;

  private PostgresCopyWriter(
      Connection connection,
      CopyIn copy,
      String target,
      Function<RowBatch, CopyBuffer> encoder,
      boolean binary,
      CommitStep beforeCommit) {
    this.connection = connection;
    this.copy = copy;
    this.target = target;
    this.encoder = encoder;
    this.binary = binary;
    this.beforeCommit = beforeCommit;
  }

  /**
   * @param target what failures name: entity, table and the first row, so a server error's "COPY
   *     line n" can be turned into a row index
   */
  static PostgresCopyWriter binary(
      Connection c, String sql, String target, PgType[] types, CommitStep beforeCommit)
      throws SQLException {
    PgBinaryEncoder encoder = new PgBinaryEncoder(types);
    return new PostgresCopyWriter(c, begin(c, sql), target, encoder::encode, true, beforeCommit);
  }

  static PostgresCopyWriter text(Connection c, String sql, String target, CommitStep beforeCommit)
      throws SQLException {
    PgTextEncoder encoder = new PgTextEncoder();
    return new PostgresCopyWriter(c, begin(c, sql), target, encoder::encode, false, beforeCommit);
  }

  private static CopyIn begin(Connection c, String sql) throws SQLException {
    try {
      c.setAutoCommit(false);
      return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }

  @Override
  public CopyBuffer encode(RowBatch batch) {
    return encoder.apply(batch);
  }

  @Override
  public void write(CopyBuffer chunk) {
    try {
      startStream();
      copy.writeToCopy(chunk.data, 0, chunk.size);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  @Override
  public void finish() {
    if (finished) {
      return;
    }
    try {
      startStream();
      if (binary) {
        copy.writeToCopy(PgBinaryEncoder.TRAILER, 0, PgBinaryEncoder.TRAILER.length);
      }
      copy.endCopy();
      beforeCommit.run(connection);
      connection.commit();
      finished = true;
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** The binary format's header goes once, at the start of the stream. */
  private void startStream() throws SQLException {
    if (!started) {
      started = true;
      if (binary) {
        copy.writeToCopy(PgBinaryEncoder.HEADER, 0, PgBinaryEncoder.HEADER.length);
      }
    }
  }

  @Override
  public void close() {
    try (connection) {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
      if (!finished) {
        connection.rollback();
      }
    } catch (SQLException e) {
      // Already failing or finished: the connection closes either way and the server rolls back
      // whatever was not committed, so there is nothing further to report.
    }
  }

  private SinkException failure(SQLException e) {
    return new SinkException("COPY of " + target + " failed: " + Redactor.text(e.getMessage()), e);
  }
}
