package dev.syngen.io.jdbc;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.SinkException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a sink found before writing: entities whose table is missing, tables that exist and fit, and
 * every reason an existing table does not fit.
 */
final class TableInspection {
  final List<CompiledEntity> missing = new ArrayList<>();
  final List<String> existing = new ArrayList<>();
  final List<String> problems = new ArrayList<>();

  /** Fails with every problem at once; called before anything is created or truncated. */
  void throwIfProblems(String target) {
    if (!problems.isEmpty()) {
      throw new SinkException(
          target
              + " cannot take the scenario's tables; nothing was changed:\n  - "
              + String.join("\n  - ", problems));
    }
  }
}
