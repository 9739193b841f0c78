package dev.syngen.server.application.batch;

import dev.syngen.core.engine.RangeWriter;
import dev.syngen.core.engine.RunCancelledException;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunStatus;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.PartitionCommits;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TableMode;
import dev.syngen.server.application.error.Causes;
import dev.syngen.server.application.run.PreparedRun;
import dev.syngen.server.application.run.RunPlanner;
import dev.syngen.server.application.target.TargetGateway;
import dev.syngen.server.infrastructure.config.SyngenSettings;
import dev.syngen.server.infrastructure.persistence.JpaBatchJobs;
import dev.syngen.server.infrastructure.persistence.JpaRunRepository;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The executor's side of a chunk: prepares the run again from the shared history database (its
 * scenario, seed, as_of and target by id, credentials from this server's own configuration), writes
 * the rows the target's partition marker does not hold yet, and records in the history database how
 * far the partition has come and on which server — or why the chunk failed. It counts its chunks
 * running and written, and their rows, for its heartbeat and its metrics (docs/scale-out.md).
 */
@ApplicationScoped
public class ExecutorChunks {
  private static final Logger LOG = Logger.getLogger(ExecutorChunks.class.getName());
  private static final long STOP_POLL_NANOS = 250_000_000L;
  private static final Set<RunStatus> FINISHED =
      Set.of(RunStatus.SUCCESS, RunStatus.FAILED, RunStatus.CANCELLED);

  @Inject JpaRunRepository repository;
  @Inject RunPlanner planner;
  @Inject TargetGateway gateway;
  @Inject JpaBatchJobs jobs;
  @Inject SyngenSettings settings;
  @Inject Event<ChunkWritten> written;

  private final Map<String, OpenRun> open = new ConcurrentHashMap<>();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicLong chunksWritten = new AtomicLong();
  private final AtomicLong rowsWritten = new AtomicLong();

  private static final String SERVER_NAME =
      System.getProperty("wlp.server.name", "server")
          + "@"
          + System.getenv().getOrDefault("HOSTNAME", "localhost");

  /** This server's name in partition records: the Liberty server on its host. */
  public static String serverName() {
    return SERVER_NAME;
  }

  /** Chunks this server is writing now, and chunks and rows it has written since it started. */
  public ChunkTally tally() {
    return new ChunkTally(running.get(), chunksWritten.get(), rowsWritten.get());
  }

  /**
   * Writes the chunks of an order a dispatcher sent at {@code sentAtMillis} (epoch milliseconds; 0
   * when unknown, then no queue wait is counted): its first chunk, then the partition's following
   * ones up to the order's end, each committed and recorded on its own, so the dispatcher
   * checkpoints each while the next is written. The order ends early when the run has ended or a
   * chunk failed (recorded for the dispatcher, which sends the rest again).
   */
  public void write(ChunkOrder order, long sentAtMillis) {
    long takenAt = System.currentTimeMillis();
    long takenNanos = System.nanoTime();
    Duration queued =
        sentAtMillis > 0 ? Duration.ofMillis(Math.max(0, takenAt - sentAtMillis)) : null;
    running.incrementAndGet();
    try {
      closeFinishedRuns();
      StopFlag stop = new StopFlag(order.runId());
      if (stop.getAsBoolean()) {
        LOG.info("run " + order.runId() + " has ended: " + order + " is not written");
        return;
      }
      recordTaken(order);
      ChunkOrder chunk = order;
      while (writeChunk(chunk, chunk == order, stop, queued, takenNanos) && chunk.hasNext()) {
        chunk = chunk.next();
        queued = null; // only the order's first chunk waited in the queue
        takenNanos = System.nanoTime();
      }
    } finally {
      running.decrementAndGet();
    }
  }

  /**
   * Writes and records one chunk; false when the order ends with it (cancelled or failed). Only an
   * order's first chunk reads the partition marker first (another executor may have written it):
   * this executor wrote the chunks after it, and a chunk another one committed meanwhile is still
   * found under the marker's lock and not written again.
   */
  private boolean writeChunk(
      ChunkOrder order, boolean first, StopFlag stop, Duration queued, long startedNanos) {
    try {
      OpenRun run = open.computeIfAbsent(order.runId(), this::open);
      Written now = run.write(order, first, stop);
      long bytes =
          now.bytes() + jobs.position(order.runId(), order.entity(), order.firstRow()).bytes();
      jobs.advanceOn(
          serverName(), order.runId(), order.entity(), order.firstRow(), order.to(), bytes);
      chunksWritten.incrementAndGet();
      rowsWritten.addAndGet(now.rows());
      written.fire(
          new ChunkWritten(now.rows(), queued, Duration.ofNanos(System.nanoTime() - startedNanos)));
      return true;
    } catch (RunCancelledException e) {
      // the target kept none of the chunk; a restart writes it again from the partition marker
      LOG.info(
          "run " + order.runId() + " ended while " + order + " was written: " + e.getMessage());
      return false;
    } catch (RuntimeException e) {
      String why = Causes.describe(e);
      LOG.log(Level.WARNING, "run " + order.runId() + ": " + order + " failed: " + why);
      jobs.failedOn(serverName(), order.runId(), order.entity(), order.firstRow(), why);
      return false;
    }
  }

  /**
   * Records that this server took the chunk, for the dispatcher's note when the chunk goes
   * unreported. Only that note depends on it, so a failure to record it (the history database busy
   * or the partition's row held by another server) is logged and the chunk is written all the same.
   */
  private void recordTaken(ChunkOrder order) {
    try {
      jobs.takenBy(serverName(), order.runId(), order.entity(), order.firstRow());
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "run "
              + order.runId()
              + ": "
              + order
              + " is written, but who took it was not recorded: "
              + Causes.describe(e));
    }
  }

  private OpenRun open(String runId) {
    RunRecord record =
        repository
            .find(runId)
            .orElseThrow(
                () -> new IllegalStateException("run " + runId + " is not in the history"));
    PreparedRun p = planner.replay(record, repository.spec(runId).orElseThrow());
    Sink sink = gateway.open(p.target(), p.traffic().context(p.plan(), runId));
    try {
      // the dispatcher's first step created the tables: only check them, never replace them
      sink.prepare(p.plan().included(), TableMode.APPEND_ONLY);
      if (sink instanceof PartitionCommits commits) {
        commits.prepareMarkers();
      }
    } catch (RuntimeException e) {
      sink.close();
      throw e;
    }
    LOG.info("run " + runId + ": writing its chunks on " + serverName());
    return new OpenRun(runId, p, sink, new RangeWriter(settings.batchSize()));
  }

  /**
   * Whether the run has ended (cancelled, failed) in the shared history database, asked before each
   * batch of a chunk but read from the database at most every {@link #STOP_POLL_NANOS}: a cancel on
   * the dispatcher reaches the chunks in flight on every executor within that time plus a batch.
   */
  private final class StopFlag implements BooleanSupplier {
    private final String runId;
    private long readAt;
    private boolean ended;

    StopFlag(String runId) {
      this.runId = runId;
    }

    @Override
    public boolean getAsBoolean() {
      long now = System.nanoTime();
      if (!ended && (readAt == 0 || now - readAt >= STOP_POLL_NANOS)) {
        ended = repository.status(runId).map(FINISHED::contains).orElse(true);
        readAt = now;
      }
      return ended;
    }
  }

  /** Closes the targets of runs that have ended, so an executor holds no connection for them. */
  private void closeFinishedRuns() {
    for (OpenRun run : open.values()) {
      boolean ended = repository.status(run.runId).map(FINISHED::contains).orElse(true);
      if (ended && open.remove(run.runId, run)) {
        run.sink.close();
      }
    }
  }

  @PreDestroy
  void closeAll() {
    open.values().forEach(r -> r.sink.close());
    open.clear();
  }

  private record OpenRun(String runId, PreparedRun plan, Sink sink, RangeWriter writer) {
    /**
     * Writes what the target does not hold yet of the chunk, asking its marker first when {@code
     * readMarker}; returns what was written now.
     */
    Written write(ChunkOrder order, boolean readMarker, BooleanSupplier stop) {
      CompiledEntity e =
          plan.plan().included().stream()
              .filter(c -> c.name().equals(order.entity()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "run " + runId + " has no entity " + order.entity()));
      long from = order.from();
      if (readMarker && sink instanceof PartitionCommits commits) {
        from = Math.max(from, commits.committedNext(runId, e, order.firstRow()).orElse(from));
      }
      if (from >= order.to()) {
        return new Written(0, 0);
      }
      long bytes = writer.write(sink, runId, e, order.firstRow(), from, order.to(), stop);
      return new Written(order.to() - from, bytes);
    }
  }

  /** Rows and bytes one chunk wrote now. */
  private record Written(long rows, long bytes) {}
}
