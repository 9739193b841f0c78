package dev.syngen.io.jdbc;

import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.Redactor;
import dev.syngen.core.sink.SinkException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The writer of an entity whose table is filled by applying its change stream ({@code options.cdc:
 * apply}): its rows are not copied. A partitioned run still records the range as done.
 */
final class NoRowsWriter implements EntityWriter<Object> {
  private final JdbcUrls.Postgres target;
  private final CommitStep beforeCommit;

  NoRowsWriter(JdbcUrls.Postgres target, CommitStep beforeCommit) {
    this.target = target;
    this.beforeCommit = beforeCommit;
  }

  @Override
  public Object encode(RowBatch batch) {
    return null;
  }

  @Override
  public void write(Object chunk) {
    // the change stream writes this table
  }

  @Override
  public void finish() {
    if (beforeCommit == CommitStep.NONE) {
      return;
    }
    try (Connection c = target.connect()) {
      c.setAutoCommit(false);
      beforeCommit.run(c);
      c.commit();
    } catch (SQLException e) {
      throw new SinkException(
          "postgres target "
              + target
              + ": recording a range failed: "
              + Redactor.text(e.getMessage()),
          e);
    }
  }

  @Override
  public void close() {
    // holds no resources
  }
}
