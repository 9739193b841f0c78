package dev.syngen.server.application.batch;

import dev.syngen.core.engine.RunCancelledException;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.server.application.error.Causes;
import dev.syngen.server.infrastructure.persistence.ChunkPosition;
import dev.syngen.server.infrastructure.persistence.JpaBatchJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The dispatcher's side of a chunk: queue it for the executors, then wait until the shared history
 * database shows the partition written past it (or the executor's error); a chunk not reported
 * written within {@code syngen.cluster.chunk-redispatch-seconds} is sent again, so a chunk lost
 * with its executor is written by another. The partition's checkpoint stays in this server's job
 * repository, so a stopped or failed run restarts here.
 */
@ApplicationScoped
public class RemoteChunks {
  private static final Logger LOG = Logger.getLogger(RemoteChunks.class.getName());

  /**
   * How often a partition thread reads its partition's row while it waits for a chunk: a chunk seen
   * later than written delays the partition's checkpoint and, at its last chunk, the next
   * partition. 4 threads read 160 times a second, primary-key reads of one small row.
   */
  private static final long POLL_MILLIS = 25;

  /** How long a failed read or write of the history database waits before it is tried again. */
  private static final long RETRY_MILLIS = 100;

  private final AtomicInteger pending = new AtomicInteger();

  /**
   * Partitions whose rest is ordered from an executor, by run/entity/first row: the row their next
   * chunk starts at. A chunk starting elsewhere (a restarted step resumes at its checkpoint) is
   * ordered anew.
   */
  private final Map<String, Long> ordered = new ConcurrentHashMap<>();

  private final AtomicLong redispatched = new AtomicLong();

  @Inject ChunkQueue queue;
  @Inject JpaBatchJobs jobs;
  @Inject BatchSettings settings;
  @Inject BatchRecords records;
  @Inject Event<ChunkReported> reported;

  /**
   * Writes a chunk of the partition {@code [first, end)} on an executor; returns the partition's
   * bytes written so far. The partition's first chunk (or the first after a restart or a resend)
   * goes out as an order for the rest of the partition, which one executor writes chunk after
   * chunk; the chunks after it only wait for their record, so a chunk pays the queue and the
   * dispatcher's wait once per partition, not once per chunk.
   */
  public long write(BatchRun run, CompiledEntity e, long first, long end, RowSpan span) {
    pending.incrementAndGet();
    try {
      return dispatch(run, e, first, end, span);
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

  private long dispatch(BatchRun run, CompiledEntity e, long first, long end, RowSpan span) {
    ChunkOrder order = new ChunkOrder(run.id(), e.name(), first, span.from(), span.to(), end);
    long sentAt = System.nanoTime();
    ChunkWatch watch =
        new ChunkWatch(
            span.to(),
            settings.chunkAttempts(),
            settings.chunkRedispatchSeconds() * 1_000_000_000L,
            settings.chunkTimeoutSeconds() * 1_000_000_000L,
            sentAt);
    if (span.from() == first) {
      update(run, order, watch, "record the partition", () -> jobs.open(run.id(), e.name(), first));
    }
    // taken out first: a chunk that fails or is cancelled leaves its partition to be ordered anew
    String partition = run.id() + "/" + e.name() + "/" + first;
    Long next = ordered.remove(partition);
    if (next == null || next != span.from()) {
      queue.send(order);
    }
    long firstSent = sentAt;
    while (true) {
      ChunkPosition at =
          history(
              run,
              order,
              watch,
              "read the partition's position",
              () -> jobs.position(run.id(), e.name(), first));
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
          if (span.to() < end) {
            ordered.put(partition, span.to());
          }
          return at.bytes();
        }
        case WAIT -> pause(POLL_MILLIS);
        case RESEND_UNREPORTED -> {
          // sent before it is counted: the count waits for the partition's row, which a hung
          // executor may hold locked, and the chunk must not wait with it
          queue.send(order);
          sentAgain(run, order, unreported(order, at, (now - sentAt) / 1_000_000_000L));
          sentAt = now;
        }
        case RESEND_FAILED -> {
          // the failure is cleared first, so the next attempt's report is read afresh
          update(
              run,
              order,
              watch,
              "clear the failed attempt",
              () -> jobs.redispatched(run.id(), e.name(), first, true));
          log(run, order, failed(order, at, watch) + "; sent again");
          redispatched.incrementAndGet();
          queue.send(order);
          sentAt = now;
        }
        case FAIL -> throw new IllegalStateException(failed(order, at, watch));
        case TIME_OUT -> throw timedOut(order);
      }
    }
  }

  private IllegalStateException timedOut(ChunkOrder order) {
    return new IllegalStateException(
        "no executor wrote "
            + order
            + " within "
            + settings.chunkTimeoutSeconds()
            + " s (syngen.cluster.chunk-timeout-seconds); start an executor server"
            + " (SYNGEN_ROLE=executor) connected to this dispatcher and restart the run");
  }

  /**
   * A read or write of the shared history database for a chunk, tried again until the chunk's time
   * is up: a moment the database is busy, or a row another server holds, does not fail the run. The
   * first failure goes to the run's log.
   */
  private <T> T history(
      BatchRun run, ChunkOrder order, ChunkWatch watch, String what, Supplier<T> call) {
    boolean logged = false;
    while (true) {
      try {
        return call.get();
      } catch (RuntimeException ex) {
        if (run.stopRequested()) {
          // a cancel does not wait for the database; the checkpoint stays before this chunk
          throw new RunCancelledException(order.entity(), order.from() - order.firstRow());
        }
        String why = Causes.describe(ex);
        if (watch.expired(System.nanoTime())) {
          throw new IllegalStateException(
              "could not "
                  + what
                  + " for "
                  + order
                  + " in the shared history database within "
                  + settings.chunkTimeoutSeconds()
                  + " s (syngen.cluster.chunk-timeout-seconds): "
                  + why,
              ex);
        }
        if (!logged) {
          logged = true;
          log(run, order, "could not " + what + " for " + order + ": " + why + "; trying again");
        }
        pause(RETRY_MILLIS);
      }
    }
  }

  private void update(
      BatchRun run, ChunkOrder order, ChunkWatch watch, String what, Runnable call) {
    history(
        run,
        order,
        watch,
        what,
        () -> {
          call.run();
          return null;
        });
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
   * Counts a chunk sent again because no executor reported it written in time — whether or not one
   * recorded taking it (it may have died just after): the partition marker in the target keeps a
   * chunk written twice once (docs/scale-out.md). The count is for the run's partitions only, so
   * when the history database cannot take it the run goes on and the server's log says so.
   */
  private void sentAgain(BatchRun run, ChunkOrder order, String why) {
    redispatched.incrementAndGet();
    log(run, order, why);
    try {
      jobs.redispatched(order.runId(), order.entity(), order.firstRow(), false);
    } catch (RuntimeException ex) {
      LOG.warning(
          "run "
              + run.id()
              + ": "
              + order
              + " was sent again, but not counted: "
              + Causes.describe(ex));
    }
  }

  /** A line in the run's log, or in the server's log when the history database cannot take it. */
  private void log(BatchRun run, ChunkOrder order, String message) {
    try {
      records.log(run.id(), "WARN", order.entity(), message, run.traceId());
    } catch (RuntimeException ex) {
      LOG.warning(
          "run "
              + run.id()
              + ": "
              + message
              + " (not in the run log: "
              + Causes.describe(ex)
              + ")");
    }
  }

  /**
   * Chunks this dispatcher sent again since it started ({@code
   * syngen_cluster_chunks_redispatched}).
   */
  public long redispatched() {
    return redispatched.get();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an executor", e);
    }
  }
}
