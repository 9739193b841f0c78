package dev.syngen.server.application.batch;

import dev.syngen.core.engine.RunCancelledException;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.server.infrastructure.persistence.ChunkPosition;
import dev.syngen.server.infrastructure.persistence.JpaBatchJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dispatcher's side of a chunk: queue it for the executors, then wait until the shared history
 * database shows the partition written past it (or the executor's error); a chunk not reported
 * written within {@code syngen.cluster.chunk-redispatch-seconds} is sent again, so a chunk lost
 * with its executor is written by another. The partition's checkpoint stays in this server's job
 * repository, so a stopped or failed run restarts here.
 */
@ApplicationScoped
public class RemoteChunks {
  private static final long POLL_MILLIS = 100;

  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong redispatched = new AtomicLong();

  @Inject ChunkQueue queue;
  @Inject JpaBatchJobs jobs;
  @Inject BatchSettings settings;
  @Inject BatchRecords records;
  @Inject Event<ChunkReported> reported;

  /** Writes a chunk on an executor; returns the partition's bytes written so far. */
  public long write(BatchRun run, CompiledEntity e, long first, RowSpan span) {
    pending.incrementAndGet();
    try {
      return dispatch(run, e, first, span);
    } catch (RunCancelledException ex) {
      throw ex;
    } catch (RuntimeException ex) {
      run.failed(ex);
      throw ex;
    } finally {
      pending.decrementAndGet();
    }
  }

  /**
   * Chunks this dispatcher has queued for executors and not yet seen written: the load an executor
   * autoscaler follows ({@code syngen_cluster_chunks_pending}).
   */
  public int pending() {
    return pending.get();
  }

  private long dispatch(BatchRun run, CompiledEntity e, long first, RowSpan span) {
    ChunkOrder order = new ChunkOrder(run.id(), e.name(), first, span.from(), span.to());
    queue.send(order);
    long sentAt = System.nanoTime();
    long firstSent = sentAt;
    ChunkWatch watch =
        new ChunkWatch(
            span.to(),
            settings.chunkAttempts(),
            settings.chunkRedispatchSeconds() * 1_000_000_000L,
            settings.chunkTimeoutSeconds() * 1_000_000_000L,
            sentAt);
    while (true) {
      ChunkPosition at = jobs.position(run.id(), e.name(), first);
      if (run.stopRequested() && at.nextRow() < span.to()) {
        // executors abandon the chunk too (ExecutorChunks reads the cancel from the history), so
        // the step ends now rather than after the chunk timeout; the checkpoint stays before it
        throw new RunCancelledException(e.name(), at.nextRow() - first);
      }
      long now = System.nanoTime();
      switch (watch.next(at, now)) {
        case WRITTEN -> {
          reported.fire(new ChunkReported(Duration.ofNanos(now - firstSent)));
          run.progress().at(e, first, span.to(), at.bytes());
          return at.bytes();
        }
        case WAIT -> pause();
        case RESEND_UNREPORTED -> {
          resend(run, order, unreported(order, at, (now - sentAt) / 1_000_000_000L), false);
          sentAt = now;
        }
        case RESEND_FAILED -> {
          resend(run, order, failed(order, at, watch) + "; sent again", true);
          sentAt = now;
        }
        case FAIL -> throw new IllegalStateException(failed(order, at, watch));
        case TIME_OUT ->
            throw new IllegalStateException(
                "no executor wrote "
                    + order
                    + " within "
                    + settings.chunkTimeoutSeconds()
                    + " s (syngen.cluster.chunk-timeout-seconds); start an executor server"
                    + " (SYNGEN_ROLE=executor) connected to this dispatcher and restart the run");
      }
    }
  }

  private static String unreported(ChunkOrder order, ChunkPosition at, long seconds) {
    String from =
        at.takenBy() == null ? "any executor (none recorded taking it)" : "server " + at.takenBy();
    return order + " redispatched after " + seconds + " s without a report from " + from;
  }

  private static String failed(ChunkOrder order, ChunkPosition at, ChunkWatch watch) {
    return order
        + " failed on server "
        + at.server()
        + " (attempt "
        + watch.failures()
        + " of "
        + watch.attempts()
        + ", syngen.cluster.chunk-attempts): "
        + at.error();
  }

  /**
   * Sends a chunk again that no executor reported written in time — whether or not one recorded
   * taking it (it may have died just after) — or that an executor failed: the partition marker in
   * the target keeps a chunk written twice once (docs/scale-out.md).
   */
  private void resend(BatchRun run, ChunkOrder order, String why, boolean clearError) {
    jobs.redispatched(order.runId(), order.entity(), order.firstRow(), clearError);
    records.log(run.id(), "WARN", order.entity(), why, run.traceId());
    redispatched.incrementAndGet();
    queue.send(order);
  }

  /**
   * Chunks this dispatcher sent again since it started ({@code
   * syngen_cluster_chunks_redispatched}).
   */
  public long redispatched() {
    return redispatched.get();
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an executor", e);
    }
  }
}
