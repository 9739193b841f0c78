package dev.syngen.core.engine;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.PartitionCommits;
import dev.syngen.core.sink.RangeCommittedException;
import dev.syngen.core.sink.Sink;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Writes one row range of a partition and makes it durable before returning: the unit of work of a
 * checkpointed run (one chunk of a Jakarta Batch partition). A {@link PartitionCommits} target
 * commits the range with its partition's marker; any other target is flushed, so rows a checkpoint
 * covers are never lost (after a crash such a target may hold the last range twice).
 *
 * <p>With a parallelism above 1, threads of the given factory fill and encode a range's batches (at
 * most {@code 2 × parallelism} in flight) while the calling thread writes them in row order, as
 * {@link RunEngine} does for a whole entity: the bytes are the same for every parallelism.
 */
public final class RangeWriter {
  private final int batchSize;
  private final int parallelism;
  private final ThreadFactory threads;

  /** Fills, encodes and writes on the calling thread. */
  public RangeWriter(int batchSize) {
    this(batchSize, 1, null);
  }

  public RangeWriter(int batchSize, int parallelism, ThreadFactory threads) {
    if (batchSize < 1 || parallelism < 1) {
      throw new IllegalArgumentException("batch size and parallelism must be >= 1");
    }
    if (parallelism > 1 && threads == null) {
      throw new IllegalArgumentException("a parallelism above 1 needs a thread factory");
    }
    this.batchSize = batchSize;
    this.parallelism = parallelism;
    this.threads = threads;
  }

  /**
   * Writes rows {@code [from, to)} of the partition of {@code entity} that starts at {@code first};
   * returns the bytes written (0 when the target does not report sizes).
   */
  public long write(
      Sink sink, String runId, CompiledEntity entity, long first, long from, long to) {
    return write(sink, runId, entity, first, from, to, () -> false);
  }

  /**
   * As {@link #write(Sink, String, CompiledEntity, long, long, long)}, asking {@code stop} before
   * each batch: when it answers true the range is abandoned without committing (a {@link
   * PartitionCommits} target keeps none of it) and {@link RunCancelledException} is thrown. Rows
   * that another writer committed meanwhile (found under the partition marker's lock) are not
   * written again: the range then returns 0 bytes, or writes only what follows them.
   */
  public long write(
      Sink sink,
      String runId,
      CompiledEntity entity,
      long first,
      long from,
      long to,
      BooleanSupplier stop) {
    EntityWriter<?> writer;
    try {
      writer =
          sink instanceof PartitionCommits commits
              ? commits.openRange(runId, entity, first, from, to)
              : sink.open(entity, from);
    } catch (RangeCommittedException e) {
      // another writer committed the range (or its start) while this one waited for the marker
      return e.next() >= to ? 0 : write(sink, runId, entity, first, e.next(), to, stop);
    }
    return write(writer, entity, from, to, first == 0 && to == entity.rows(), stop);
  }

  private <C> long write(
      EntityWriter<C> writer,
      CompiledEntity entity,
      long from,
      long to,
      boolean wholeEntity,
      BooleanSupplier stop) {
    long bytes = 0;
    // one pool per range: a chunk is thousands of rows, and no thread outlives the range
    ExecutorService pool =
        parallelism > 1 && to - from > batchSize
            ? Executors.newFixedThreadPool(parallelism, threads)
            : null;
    Deque<CompletableFuture<C>> window = new ArrayDeque<>();
    try (writer) {
      try {
        long next = from;
        for (long row = from; row < to; ) {
          while (next < to && window.size() < (pool == null ? 1 : 2 * parallelism)) {
            long first = next;
            int n = (int) Math.min(batchSize, to - first);
            RowBatch batch = new RowBatch(entity, n);
            window.add(
                pool == null
                    ? CompletableFuture.completedFuture(writer.encode(batch.fill(first, n)))
                    : CompletableFuture.supplyAsync(
                        () -> writer.encode(batch.fill(first, n)), pool));
            next += n;
          }
          if (stop.getAsBoolean()) {
            throw new RunCancelledException(entity.name(), row - from);
          }
          C chunk = join(window.removeFirst());
          bytes += Math.max(0, writer.encodedBytes(chunk));
          writer.write(chunk);
          row += (int) Math.min(batchSize, to - row);
        }
      } finally {
        // no batch is still being encoded when the writer finishes or rolls back
        window.forEach(f -> f.cancel(true));
        stop(pool);
      }
      if (wholeEntity) {
        writer.endOfEntity(to);
      }
      writer.finish();
    }
    return bytes;
  }

  private static void stop(ExecutorService pool) {
    if (pool == null) {
      return;
    }
    pool.shutdownNow();
    try {
      pool.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static <C> C join(CompletableFuture<C> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }
}
