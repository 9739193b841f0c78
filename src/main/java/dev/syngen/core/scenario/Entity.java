package dev.syngen.core.scenario;

import java.util.List;

/** One entity (table, file, topic) of a scenario with its declared row count. */
public record Entity(String name, String targetTable, long rows, List<Column> columns) {
  public Entity {
    columns = List.copyOf(columns);
  }

  public Column column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }
}
