package dev.syngen.server.infrastructure.metrics;

import dev.syngen.core.engine.RunListener;
import dev.syngen.core.plan.CompiledEntity;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns one run's progress (cumulative rows and bytes per entity) into counter increments. Rows
 * resumed from a checkpoint are not counted again: the first progress of an entity counts from its
 * start row.
 */
final class MetricsListener implements RunListener {
  private final SyngenMetrics metrics;
  private final String kind;
  private final Map<String, long[]> seen = new ConcurrentHashMap<>();

  MetricsListener(SyngenMetrics metrics, String kind) {
    this.metrics = metrics;
    this.kind = kind;
  }

  @Override
  public void entityStarted(CompiledEntity entity, long startRow) {
    seen.put(entity.name(), new long[] {startRow, 0});
  }

  @Override
  public void progress(CompiledEntity entity, long rowsDone, long bytesDone) {
    long[] last = seen.computeIfAbsent(entity.name(), n -> new long[] {0, 0});
    long rows = rowsDone - last[0];
    long bytes = bytesDone - last[1];
    last[0] = rowsDone;
    last[1] = Math.max(last[1], bytesDone);
    metrics.produced(kind, entity.name(), Math.max(0, rows), Math.max(0, bytes));
  }
}
