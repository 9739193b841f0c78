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

  default void entityFinished(EntityStats stats) {}
}
