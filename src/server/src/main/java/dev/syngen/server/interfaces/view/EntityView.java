package dev.syngen.server.interfaces.view;

import dev.syngen.core.engine.EntityProgress;

/** One entity's stats within a run. */
public record EntityView(
    String entity,
    String table,
    long rowsPlanned,
    long rowsWritten,
    long durationMs,
    Double rowsPerSecond) {
  static EntityView of(EntityProgress e) {
    Double rate =
        e.durationMillis() > 0
            ? Math.round(e.rowsWritten() * 10_000.0 / e.durationMillis()) / 10.0
            : null;
    return new EntityView(
        e.entity(), e.table(), e.rowsPlanned(), e.rowsWritten(), e.durationMillis(), rate);
  }
}
