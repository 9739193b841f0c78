package dev.syngen.core.scenario;

import java.util.List;

/**
 * One entity (table, file, topic) of a scenario: a declared row count, or {@code rowsPerParent}
 * (then {@code rows} is 0 and the count follows the parent); {@code lifecycle} is the state machine
 * its instances live through, or null.
 */
public record Entity(
    String name,
    String targetTable,
    long rows,
    List<Column> columns,
    RowsPerParent rowsPerParent,
    Lifecycle lifecycle) {
  public Entity {
    columns = List.copyOf(columns);
  }

  public Entity(
      String name, String targetTable, long rows, List<Column> columns, RowsPerParent perParent) {
    this(name, targetTable, rows, columns, perParent, null);
  }

  public Entity(String name, String targetTable, long rows, List<Column> columns) {
    this(name, targetTable, rows, columns, null);
  }

  public Column column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }
}
