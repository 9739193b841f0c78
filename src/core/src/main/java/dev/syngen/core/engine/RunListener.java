package dev.syngen.core.engine;

import dev.syngen.core.plan.CompiledEntity;

/**
 * The one way progress leaves the engine: metrics, progress bars, run records, checkpoints and live
 * console updates are all listeners. Called from the engine's writing thread.
 */
public interface RunListener {
  RunListener NONE = new RunListener() {};

  default void entityStarted(CompiledEntity entity, long startRow) {}

  /** {@code rowsDone} rows of {@code entity} are durably handed to the sink. */
  default void progress(CompiledEntity entity, long rowsDone) {}

  /**
   * As {@link #progress(CompiledEntity, long)}, with the bytes written so far (0 when the target
   * does not report sizes). The engine calls this one; by default it forwards to the row-only form.
   */
  default void progress(CompiledEntity entity, long rowsDone, long bytesDone) {
    progress(entity, rowsDone);
  }

  default void entityFinished(EntityStats stats) {}

  /** One listener that tells each of {@code listeners}, in order. */
  static RunListener of(RunListener... listeners) {
    java.util.List<RunListener> all = java.util.List.of(listeners);
    return new RunListener() {
      @Override
      public void entityStarted(CompiledEntity entity, long startRow) {
        all.forEach(l -> l.entityStarted(entity, startRow));
      }

      @Override
      public void progress(CompiledEntity entity, long rowsDone) {
        all.forEach(l -> l.progress(entity, rowsDone));
      }

      @Override
      public void progress(CompiledEntity entity, long rowsDone, long bytesDone) {
        all.forEach(l -> l.progress(entity, rowsDone, bytesDone));
      }

      @Override
      public void entityFinished(EntityStats stats) {
        all.forEach(l -> l.entityFinished(stats));
      }
    };
  }
}
