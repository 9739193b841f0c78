package dev.syngen.core.plan;

import java.util.List;

/** An entity bound for execution with its resolved row count. */
public record CompiledEntity(
    String name, String table, long rows, boolean included, List<CompiledColumn> columns) {
  public CompiledEntity {
    columns = List.copyOf(columns);
  }
}
