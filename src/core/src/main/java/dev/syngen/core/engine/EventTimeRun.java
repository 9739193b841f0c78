package dev.syngen.core.engine;

import dev.syngen.core.lifecycle.CompiledLifecycle;
import dev.syngen.core.lifecycle.EventTimeMerge;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.traffic.Pacer;
import dev.syngen.core.traffic.Speed;
import dev.syngen.core.traffic.Traffic;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Writes an entity a lifecycle derives in event-time order across instances ({@code --speed}): the
 * rows come from an {@link EventTimeMerge}, a batch is written when its first event is due at the
 * speed's factor of event time, and {@code --rate} still caps. Position p of the ordered stream is
 * the p-th event in time, so message row indexes count 0, 1, 2, … and a checkpoint is a position.
 * With the wall clock, event times are mapped onto now: {@code now + (t − first) / speed}. The
 * merge and the encoding run on a thread of their own, a few batches ahead of the writing thread.
 */
final class EventTimeRun {
  /** Wall time a batch spans at most when paced, so events leave close to when they are due. */
  private static final long SLICE_MS = 20;

  private final CompiledEntity entity;
  private final CompiledLifecycle lifecycle;
  private final Traffic traffic;
  private final int batchSize;
  private final double speed;
  private final ThreadFactory threads;

  EventTimeRun(
      CompiledEntity entity,
      CompiledLifecycle lifecycle,
      Traffic traffic,
      int batchSize,
      ThreadFactory threads) {
    this.threads = threads;
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
    EventTimeMerge merge = new EventTimeMerge(lifecycle, entity, EventTimeMerge.WINDOW_INSTANCES);
    merge.skip(start);
    @SuppressWarnings("unchecked")
    EntityWriter<C> writer = (EntityWriter<C>) sink.open(entity, start);
    long written = start;
    long bytes = 0;
    try (writer;
        MergeAhead<C> ahead = new MergeAhead<>(merge, writer, start, end)) {
      long firstEvent = Long.MIN_VALUE;
      long wallStart = 0;
      while (written < end && System.nanoTime() - t0 < budgetNanos) {
        MergeAhead.Ready<C> r = ahead.next(cancel, written);
        if (r == null && !cancel.isCancelled()) {
          break;
        }
        if (r == null) {
          writer.finish();
          listener.progress(entity, written);
          throw new RunCancelledException(entity.name(), written);
        }
        if (firstEvent == Long.MIN_VALUE) {
          firstEvent = r.firstTime();
          wallStart = System.nanoTime();
        }
        waitUntilDue(r.firstTime() - firstEvent, wallStart, cancel, written);
        if (cancel.isCancelled()) {
          writer.finish();
          listener.progress(entity, written);
          throw new RunCancelledException(entity.name(), written);
        }
        RunEngine.pace(pacer, entity, r.rows(), r.bytes(), written);
        writer.write(r.chunk());
        written += r.rows();
        bytes += Math.max(0, r.bytes());
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

  /**
   * Merges and encodes batches on a thread of its own, a few batches ahead of the writing thread,
   * so the merge (which fills every instance's rows) and the target's writes overlap. The batches
   * and their order are exactly those of merging on the writing thread.
   */
  private final class MergeAhead<C> implements AutoCloseable {
    /** A merged, encoded batch: its rows, the time of its first event, its size in bytes. */
    record Ready<C>(C chunk, int rows, long firstTime, long bytes) {}

    private static final int AHEAD = 3;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread thread;
    private volatile boolean stopped;

    MergeAhead(EventTimeMerge merge, EntityWriter<C> writer, long start, long end) {
      long span = speed == Speed.MAX ? Long.MAX_VALUE : (long) Math.min(9e18, SLICE_MS * speed);
      long wallStartMillis = System.currentTimeMillis();
      thread =
          threads.newThread(
              () -> {
                Object last = END;
                try {
                  long done = start;
                  long first = Long.MIN_VALUE;
                  while (done < end && !stopped) {
                    RowBatch batch = new RowBatch(entity, batchSize);
                    long[] times = new long[batchSize];
                    int n =
                        merge.next(
                            batch, times, null, null, (int) Math.min(batchSize, end - done), span);
                    if (n == 0) {
                      break;
                    }
                    if (first == Long.MIN_VALUE) {
                      first = times[0];
                    }
                    if (traffic.wallClock()) {
                      long f = first;
                      batch.mapTimestamps(t -> wallStartMillis + (long) ((t - f) / speed));
                    }
                    C chunk = writer.encode(batch);
                    queue.put(new Ready<>(chunk, n, times[0], writer.encodedBytes(chunk)));
                    done += n;
                  }
                } catch (InterruptedException e) {
                  return; // closed: nobody takes what is left
                } catch (RuntimeException | Error e) {
                  last = e;
                }
                try {
                  queue.put(last);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      thread.setName("syngen-merge-" + entity.name());
      thread.setDaemon(true);
      thread.start();
    }

    /** The next batch, or null at the end (or when cancelled); rethrows a failure of the merge. */
    @SuppressWarnings("unchecked")
    Ready<C> next(CancelToken cancel, long written) {
      try {
        Object o;
        while ((o = queue.poll(200, TimeUnit.MILLISECONDS)) == null) {
          if (cancel.isCancelled()) {
            return null;
          }
        }
        if (o == END) {
          return null;
        }
        if (o instanceof RuntimeException e) {
          throw e;
        }
        if (o instanceof Error e) {
          throw e;
        }
        return (Ready<C>) o;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RunCancelledException(entity.name(), written);
      }
    }

    @Override
    public void close() {
      stopped = true;
      thread.interrupt();
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static final Object END = new Object();

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
