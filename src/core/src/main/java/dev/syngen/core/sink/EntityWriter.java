package dev.syngen.core.sink;

import dev.syngen.core.engine.RowBatch;

/**
 * Writes one entity's rows. {@link #encode} runs on worker threads in parallel (turn a batch into
 * bytes, a copy buffer, bound statements); {@link #write} runs on one thread, in row order, so the
 * output does not depend on parallelism.
 *
 * @param <C> the encoded form of a batch
 */
public interface EntityWriter<C> extends AutoCloseable {
  C encode(RowBatch batch);

  /**
   * True (the default) when a chunk {@link #encode} returns may still refer to its batch, so every
   * batch needs arrays of its own; false when a chunk is self-contained (bytes), so the engine can
   * fill the next batch on the same thread into the same arrays.
   */
  default boolean retainsBatch() {
    return true;
  }

  void write(C chunk);

  /**
   * The size in bytes of an encoded chunk, for byte-rate pacing and throughput stats; -1 when this
   * target cannot tell (the default).
   */
  default long encodedBytes(C chunk) {
    return -1;
  }

  /**
   * The entity is complete at {@code rows} rows (its row count, or fewer when a duration ended it).
   * Called after the last {@link #write}, before {@link #finish}, and never on cancel or failure.
   * Message targets send their end-of-entity control message here; the default does nothing.
   */
  default void endOfEntity(long rows) {}

  /** Makes everything written so far durable (flush, commit). */
  void finish();

  /** Releases resources; after a failure, without committing. */
  @Override
  void close();
}
