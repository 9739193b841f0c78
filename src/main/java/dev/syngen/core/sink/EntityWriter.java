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

  void write(C chunk);

  /** Makes everything written so far durable (flush, commit). */
  void finish();

  /** Releases resources; after a failure, without committing. */
  @Override
  void close();
}
