package dev.syngen.server.application.scenario;

import java.util.List;

/**
 * A scenario drafted from a configured target's schema: its YAML, the tables read (rows, columns,
 * keys), the notes on what could not be copied, the copy's DDL, the timings, and the file it was
 * saved as (null for a preview).
 */
public record DraftOutcome(
    String id,
    String yaml,
    String dialect,
    String schema,
    List<DraftTable> tables,
    List<String> notes,
    List<String> ddl,
    long totalRows,
    String savedAs,
    long readMillis,
    long sampleMillis,
    long draftMillis) {
  /** One table read: its rows, column count, keys and foreign keys. */
  public record DraftTable(
      String name, long rows, int columns, List<String> primaryKey, List<String> references) {}
}
