package dev.syngen.core.engine;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One target's side of a fan-out: a bounded queue of encoded chunks and a thread that writes them,
 * in order, through the target's writer. The queue is the target's backpressure.
 */
final class FanOutLane {
  private static final Object FINISH = new Object();

  /** The queued form of {@link EntityWriter#endOfEntity}, so it keeps its place after the rows. */
  private record EndOfEntity(long rows) {}

  private static final long POLL_MILLIS = 100;

  private final String label;
  private final EntityWriter<Object> writer;
  private final BlockingQueue<Object> queue;
  private final CountDownLatch done = new CountDownLatch(1);
  private final Thread thread;
  private volatile RuntimeException failure;

  @SuppressWarnings("unchecked")
  FanOutLane(String label, EntityWriter<?> writer, int depth, CompiledEntity entity) {
    this.label = label;
    this.writer = (EntityWriter<Object>) writer;
    this.queue = new ArrayBlockingQueue<>(depth);
    this.thread = new Thread(this::drain, "syngen-fanout-" + entity.name() + "-" + label);
    thread.setDaemon(true);
    thread.start();
  }

  static FanOutSink.TargetFailedException failure(String label, RuntimeException e) {
    return e instanceof FanOutSink.TargetFailedException f
        ? f
        : new FanOutSink.TargetFailedException(label, e);
  }

  Object encode(RowBatch batch) {
    try {
      return writer.encode(batch);
    } catch (RuntimeException e) {
      throw failure(label, e);
    }
  }

  long encodedBytes(Object chunk) {
    return writer.encodedBytes(chunk);
  }

  /** Queues a chunk, waiting while the queue is full; fails fast once the lane has failed. */
  void offer(Object chunk) {
    try {
      while (!queue.offer(chunk, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        throwIfFailed();
      }
      throwIfFailed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while queueing for " + label, e);
    }
  }

  void requestEndOfEntity(long rows) {
    offer(new EndOfEntity(rows));
  }

  void requestFinish() {
    offer(FINISH);
  }

  void awaitFinished() {
    try {
      while (!done.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        throwIfFailed();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + label, e);
    }
    throwIfFailed();
  }

  private void throwIfFailed() {
    RuntimeException f = failure;
    if (f != null) {
      throw failure(label, f);
    }
  }

  private void drain() {
    try {
      while (true) {
        Object chunk = queue.take();
        if (chunk == FINISH) {
          writer.finish();
          return;
        }
        if (chunk instanceof EndOfEntity end) {
          writer.endOfEntity(end.rows());
        } else {
          writer.write(chunk);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e;
      queue.clear();
    } finally {
      done.countDown();
    }
  }

  /** Stops the lane's thread if it still runs, then releases the writer without committing more. */
  void close() {
    if (done.getCount() > 0) {
      thread.interrupt();
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      writer.close();
    } catch (RuntimeException e) {
      throw failure(label, e);
    }
  }
}
