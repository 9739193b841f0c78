package dev.syngen.core.engine;

import dev.syngen.core.lifecycle.CompiledLifecycle;
import dev.syngen.core.lifecycle.EventTimeMerge;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.traffic.Pacer;
import dev.syngen.core.traffic.Speed;
import dev.syngen.core.traffic.Traffic;
import java.util.concurrent.TimeUnit;

/**
 * Writes an entity a lifecycle derives in event-time order across instances ({@code --speed}): the
 * rows come from an {@link EventTimeMerge}, a batch is written when its first event is due at the
 * speed's factor of event time, and {@code --rate} still caps. Position p of the ordered stream is
 * the p-th event in time, so message row indexes count 0, 1, 2, … and a checkpoint is a position.
 * With the wall clock, event times are mapped onto now: {@code now + (t − first) / speed}.
 */
final class EventTimeRun {
  /** Instances one merge window holds at most. */
  static final int WINDOW_INSTANCES = 1 << 14;

  /** Wall time a batch spans at most when paced, so events leave close to when they are due. */
  private static final long SLICE_MS = 20;

  private final CompiledEntity entity;
  private final CompiledLifecycle lifecycle;
  private final Traffic traffic;
  private final int batchSize;
  private final double speed;

  EventTimeRun(CompiledEntity entity, CompiledLifecycle lifecycle, Traffic traffic, int batchSize) {
    this.entity = entity;
    this.lifecycle = lifecycle;
    this.traffic = traffic;
    this.batchSize = batchSize;
    this.speed = traffic.speed();
  }

  <C> EntityStats run(
      long start,
      long end,
      boolean wholeEntity,
      Sink sink,
      RunListener listener,
      CancelToken cancel,
      Pacer pacer,
      long budgetNanos) {
    long t0 = System.nanoTime();
    listener.entityStarted(entity, start);
    EventTimeMerge merge = new EventTimeMerge(lifecycle, entity, WINDOW_INSTANCES);
    merge.skip(start);
    @SuppressWarnings("unchecked")
    EntityWriter<C> writer = (EntityWriter<C>) sink.open(entity, start);
    long written = start;
    long bytes = 0;
    long span = speed == Speed.MAX ? Long.MAX_VALUE : (long) Math.min(9e18, SLICE_MS * speed);
    long[] times = new long[batchSize];
    long firstEvent = Long.MIN_VALUE;
    long wallStart = 0;
    long wallStartMillis = System.currentTimeMillis();
    try (writer) {
      while (written < end && System.nanoTime() - t0 < budgetNanos) {
        RowBatch batch = new RowBatch(entity, batchSize);
        int n =
            merge.next(batch, times, null, null, (int) Math.min(batchSize, end - written), span);
        if (n == 0) {
          break;
        }
        if (firstEvent == Long.MIN_VALUE) {
          firstEvent = times[0];
          wallStart = System.nanoTime();
        }
        waitUntilDue(times[0] - firstEvent, wallStart, cancel, written);
        if (cancel.isCancelled()) {
          writer.finish();
          listener.progress(entity, written);
          throw new RunCancelledException(entity.name(), written);
        }
        if (traffic.wallClock()) {
          long first = firstEvent;
          batch.mapTimestamps(t -> wallStartMillis + (long) ((t - first) / speed));
        }
        C chunk = writer.encode(batch);
        long size = writer.encodedBytes(chunk);
        RunEngine.pace(pacer, entity, n, size, written);
        writer.write(chunk);
        written += n;
        bytes += Math.max(0, size);
        listener.progress(entity, written, bytes);
      }
      if (wholeEntity) {
        writer.endOfEntity(written);
      }
      writer.finish();
    }
    EntityStats s =
        new EntityStats(
            entity.name(),
            entity.table(),
            written - start,
            (System.nanoTime() - t0) / 1_000_000,
            bytes);
    listener.entityFinished(s);
    return s;
  }

  /** Sleeps until {@code eventOffsetMs} of event time has passed at the speed since the start. */
  private void waitUntilDue(long eventOffsetMs, long wallStart, CancelToken cancel, long written) {
    if (speed == Speed.MAX) {
      return;
    }
    long due = wallStart + (long) (TimeUnit.MILLISECONDS.toNanos(1) * (eventOffsetMs / speed));
    try {
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        if (cancel.isCancelled()) {
          return;
        }
        TimeUnit.NANOSECONDS.sleep(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(200)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunCancelledException(entity.name(), written);
    }
  }
}
