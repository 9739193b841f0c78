package dev.syngen.core.engine;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.PartitionCommits;
import dev.syngen.core.sink.RangeCommittedException;
import dev.syngen.core.sink.Sink;
import java.util.function.BooleanSupplier;

/**
 * Writes one row range of a partition and makes it durable before returning: the unit of work of a
 * checkpointed run (one chunk of a Jakarta Batch partition). A {@link PartitionCommits} target
 * commits the range with its partition's marker; any other target is flushed, so rows a checkpoint
 * covers are never lost (after a crash such a target may hold the last range twice).
 */
public final class RangeWriter {
  private final int batchSize;

  public RangeWriter(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1");
    }
    this.batchSize = batchSize;
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
    try (writer) {
      for (long row = from; row < to; row += batchSize) {
        if (stop.getAsBoolean()) {
          throw new RunCancelledException(entity.name(), row - from);
        }
        int n = (int) Math.min(batchSize, to - row);
        C chunk = writer.encode(new RowBatch(entity, n).fill(row, n));
        bytes += Math.max(0, writer.encodedBytes(chunk));
        writer.write(chunk);
      }
      if (wholeEntity) {
        writer.endOfEntity(to);
      }
      writer.finish();
    }
    return bytes;
  }
}
