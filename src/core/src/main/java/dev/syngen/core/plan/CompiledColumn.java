package dev.syngen.core.plan;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.scenario.ColumnType;

/** A column bound for execution: its generator, stream key and null rate. */
public record CompiledColumn(
    String name, ColumnType type, Generator generator, long key, double nullRate) {
  public boolean canBeNull() {
    return nullRate > 0 || generator.producesNulls();
  }
}
