package dev.syngen.server.application.run;

import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunStatus;
import dev.syngen.core.sink.Redactor;
import dev.syngen.server.application.batch.BatchLauncher;
import dev.syngen.server.application.error.ApiException;
import dev.syngen.server.application.target.TargetGateway;
import dev.syngen.server.infrastructure.config.SyngenSettings;
import dev.syngen.server.infrastructure.metrics.SyngenMetrics;
import dev.syngen.server.infrastructure.persistence.JpaRunLlmUsage;
import dev.syngen.server.infrastructure.persistence.JpaRunLog;
import dev.syngen.server.infrastructure.persistence.JpaRunRepository;
import dev.syngen.server.infrastructure.tracing.RunTracing;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Executes recorded runs and keeps the cancel handle of every run this server has dispatched: small
 * runs on the managed executor {@code concurrent/syngenRuns}, big ones (above {@code
 * syngen.batch.threshold-rows}) as a Jakarta Batch job through {@link BatchLauncher}.
 */
@ApplicationScoped
public class RunLauncher {
  private static final Logger LOG = Logger.getLogger(RunLauncher.class.getName());

  @Resource(lookup = "concurrent/syngenRuns")
  ManagedExecutorService executor;

  @Resource(lookup = "concurrent/syngenWorkers")
  ManagedThreadFactory workers;

  @Inject JpaRunRepository repository;
  @Inject JpaRunLog runLog;
  @Inject TargetGateway gateway;
  @Inject SyngenSettings settings;
  @Inject BatchLauncher batch;
  @Inject Clock clock;
  @Inject SyngenMetrics metrics;
  @Inject JpaRunLlmUsage llmUsage;
  @Inject RunTracing tracing;

  private final Map<String, ActiveRun> active = new ConcurrentHashMap<>();
  private final Set<String> claimed = ConcurrentHashMap.newKeySet();

  private int reserved; // slots taken by runs being recorded, not yet launched; guarded by this

  /**
   * Takes one of the server's run slots for a run about to be recorded, or refuses with 503 when as
   * many runs as allowed are queued, running or being recorded. Checking and taking are one step,
   * so a burst of requests never admits more runs than the executor queue holds (which used to
   * record the surplus as failed runs). {@link #launch} uses the slot; closing an unused one frees
   * it.
   */
  public synchronized Slot reserve() {
    if (active.size() + reserved >= settings.maxActiveRuns()) {
      throw new ApiException(
          503,
          "Service Unavailable",
          (active.size() + reserved)
              + " runs are queued or running, the most this server accepts; retry when one"
              + " finishes (setting syngen.runs.max-active)",
          10);
    }
    reserved++;
    return new Slot();
  }

  /** A run slot taken by {@link #reserve}: used by {@link #launch}, freed by close otherwise. */
  public final class Slot implements AutoCloseable {
    private boolean open = true;

    private void use() {
      synchronized (RunLauncher.this) {
        if (!open) {
          throw new IllegalStateException("this run slot is used or closed");
        }
        open = false;
        reserved--;
      }
    }

    @Override
    public void close() {
      synchronized (RunLauncher.this) {
        if (open) {
          open = false;
          reserved--;
        }
      }
    }
  }

  /**
   * Queues a recorded run in the slot reserved for it; {@code resume} maps entities to their next
   * row (empty: from 0).
   */
  public void launch(
      RunRecord run, PreparedRun prepared, Map<String, Long> resume, String trace, Slot slot) {
    ActiveRun handle = new ActiveRun();
    synchronized (this) {
      if (active.putIfAbsent(run.id(), handle) != null) {
        throw ApiException.conflict("run " + run.id() + " is already queued or running");
      }
      slot.use();
    }
    if (batch.takes(run, prepared, resume)) {
      launchBatch(run, prepared, trace, handle);
      return;
    }
    if (resume.isEmpty()) {
      batch
          .executorReason(prepared)
          .ifPresent(why -> runLog.append(run.id(), "INFO", null, why, trace));
    }
    RunTask task = new RunTask(this, run, prepared, resume, trace, tracing.current(), handle);
    try {
      executor.execute(
          () -> {
            try {
              task.run();
            } finally {
              active.remove(run.id(), handle);
            }
          });
    } catch (RejectedExecutionException e) {
      active.remove(run.id(), handle);
      repository.save(
          run.withStatus(
              RunStatus.FAILED, clock.instant(), "the run queue is full; rerun it later"));
      throw new ApiException(
          503, "Service Unavailable", "the run queue is full; retry when a run finishes", 10);
    }
  }

  /**
   * Claims a run id for a restart before its record changes, so that of concurrent restarts of one
   * run exactly one goes on and the others get 409 instead of racing on the run's row (finding 16:
   * the loser's transaction was rolled back into a 500). {@link #release} after launching.
   */
  public void claim(String runId) {
    if (active.containsKey(runId) || !claimed.add(runId)) {
      throw ApiException.conflict("run " + runId + " is already being restarted or is active");
    }
  }

  /** Ends a claim; once launched, the run is active and new claims still get 409. */
  public void release(String runId) {
    claimed.remove(runId);
  }

  /** Runs dispatched and not finished: queued plus running. */
  public int activeCount() {
    return active.size();
  }

  /** Runs waiting for a free executor slot. */
  public int queuedCount() {
    return (int) active.values().stream().filter(ActiveRun::queued).count();
  }

  private void launchBatch(RunRecord run, PreparedRun prepared, String trace, ActiveRun handle) {
    handle.begin();
    handle.onCancel(() -> batch.stop(run.id()));
    try {
      batch.submit(
          run,
          prepared,
          trace,
          last -> {
            active.remove(run.id(), handle);
            metrics.runFinished(last);
            handle.finish(last);
          });
    } catch (RuntimeException e) {
      active.remove(run.id(), handle);
      String why = Redactor.text(e.getMessage() == null ? e.toString() : e.getMessage());
      RunRecord failed =
          run.withStatus(RunStatus.FAILED, clock.instant(), "the batch job did not start: " + why);
      repository.save(failed);
      handle.finish(failed);
      throw new ApiException(503, "Service Unavailable", "the batch job did not start: " + why);
    }
  }

  /** Where a restart of the run picks up, in words for its log and audit entry. */
  public String resumesFrom(String runId, Map<String, Long> resume) {
    return batch.isBatchRun(runId) ? "from its Jakarta Batch checkpoints" : "at " + resume;
  }

  public boolean isActive(String runId) {
    return active.containsKey(runId);
  }

  /**
   * Cancels a run dispatched by this server and waits up to {@code wait} for it to stop. Empty if
   * this server is not running it; the last record if it stopped; else the run is still stopping.
   */
  public Optional<RunRecord> cancel(String runId, Duration wait) {
    ActiveRun handle = active.get(runId);
    if (handle == null) {
      return Optional.empty();
    }
    if (handle.cancel()) {
      active.remove(runId, handle);
      RunRecord current = repository.find(runId).orElseThrow();
      RunRecord cancelled =
          current.withStatus(RunStatus.CANCELLED, clock.instant(), "cancelled before it started");
      repository.save(cancelled);
      handle.finish(cancelled);
      return Optional.of(cancelled);
    }
    try {
      return Optional.of(handle.finished().get(wait.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException | ExecutionException e) {
      return repository.find(runId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return repository.find(runId);
    }
  }

  /**
   * Asks every run to stop cleanly and waits for their records, so each holds an exact checkpoint.
   * Called by {@link RunShutdown} while the history database is still reachable.
   */
  void stopAll() {
    if (active.isEmpty()) {
      return;
    }
    LOG.info("cancelling " + active.size() + " active runs before the server stops");
    active.values().forEach(ActiveRun::cancel);
    long deadline = System.nanoTime() + Duration.ofSeconds(settings.cancelWaitSeconds()).toNanos();
    for (ActiveRun run : active.values()) {
      long left = deadline - System.nanoTime();
      try {
        run.finished().get(Math.max(0, left), TimeUnit.NANOSECONDS);
      } catch (TimeoutException | ExecutionException e) {
        LOG.warning("a run did not stop before shutdown: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
