package dev.syngen.core.plan;

import dev.syngen.core.generate.ChildAllocation;
import dev.syngen.core.lifecycle.CompiledLifecycle;
import java.util.List;

/**
 * An entity bound for execution with its resolved row count; {@code allocation} is set when the
 * rows are declared per parent row (null otherwise); {@code lifecycle} when the entity declares
 * one.
 */
public record CompiledEntity(
    String name,
    String table,
    long rows,
    boolean included,
    List<CompiledColumn> columns,
    ChildAllocation allocation,
    CompiledLifecycle lifecycle) {
  public CompiledEntity {
    columns = List.copyOf(columns);
  }

  public CompiledEntity(
      String name,
      String table,
      long rows,
      boolean included,
      List<CompiledColumn> columns,
      ChildAllocation allocation) {
    this(name, table, rows, included, columns, allocation, null);
  }

  public CompiledEntity(
      String name, String table, long rows, boolean included, List<CompiledColumn> columns) {
    this(name, table, rows, included, columns, null);
  }
}
