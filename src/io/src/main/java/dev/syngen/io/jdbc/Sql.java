package dev.syngen.io.jdbc;

import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.Identifiers;
import java.util.stream.Collectors;

/** SQL text from allow-listed identifiers only, always double-quoted. */
final class Sql {
  private Sql() {}

  static String quote(String identifier) {
    return '"' + Identifiers.require(identifier) + '"';
  }

  /** The table an entity writes to: its target_table, else its name. */
  static String table(CompiledEntity e) {
    return e.table() != null ? e.table() : e.name();
  }

  static String columnList(CompiledEntity e) {
    return e.columns().stream()
        .map(CompiledColumn::name)
        .map(Sql::quote)
        .collect(Collectors.joining(", "));
  }
}
