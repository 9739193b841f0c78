package dev.syngen.core.indexgate;

/**
 * One statement of a DDL script: its SQL, what it does, the index and table it names (null for an
 * {@code ANALYZE} of several tables), and the line it starts on.
 */
public record DdlStatement(String sql, Kind kind, String index, String table, int line) {
  /** What a statement does; the gate runs nothing else. */
  public enum Kind {
    CREATE_INDEX,
    DROP_INDEX,
    ANALYZE
  }
}
