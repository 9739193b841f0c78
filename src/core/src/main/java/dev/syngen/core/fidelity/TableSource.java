package dev.syngen.core.fidelity;

import java.util.List;

/**
 * Reads generated data back from a target, implemented by the io layer per kind (CSV, NDJSON,
 * SQLite, PostgreSQL). Values arrive as text as the sinks wrote them (timestamps as ISO-8601
 * instants), null for NULL. Implementations throw {@link dev.syngen.core.sink.SinkException} with a
 * clear message when a table or column is missing.
 */
public interface TableSource extends AutoCloseable {
  /** The columns of {@code table}, in their stored order. */
  List<String> columns(String table);

  /** The row count of {@code table} and up to {@code n} of its rows picked uniformly at random. */
  Sample sample(String table, List<String> columns, int n, long seed);

  /**
   * Every row of {@code table} in storage order, or ordered by {@code orderBy} when it is not null,
   * with the given columns.
   */
  void scan(String table, List<String> columns, String orderBy, RowVisitor visitor);

  @Override
  void close();

  /** Receives the rows of a scan; the array is reused between calls. */
  interface RowVisitor {
    void row(String[] values);
  }

  /** A uniform sample of a table and the table's total row count. */
  record Sample(long rows, List<String[]> values) {
    public Sample {
      values = List.copyOf(values);
    }
  }
}
