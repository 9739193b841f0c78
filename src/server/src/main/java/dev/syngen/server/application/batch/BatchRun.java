package dev.syngen.server.application.batch;

import dev.syngen.core.engine.RangeWriter;
import dev.syngen.core.engine.RowPartition;
import dev.syngen.core.engine.RowPartitions;
import dev.syngen.core.engine.RunCancelledException;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.PartitionCommits;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TableMode;
import dev.syngen.server.application.error.Causes;
import dev.syngen.server.application.run.PreparedRun;
import dev.syngen.server.infrastructure.tracing.RunSpan;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A run this server executes as batch jobs, one per dependency level: its plan, open target,
 * partitions, levels and progress. The batch artifacts of its jobs find it by run id in {@link
 * BatchRuns}.
 */
public final class BatchRun {
  private final RunRecord pending;
  private final PreparedRun plan;
  private final Sink sink;
  private final String traceId;
  private final RunSpan span;
  private final boolean restart;
  private final List<RowPartition> partitions;
  private final JobLevels levels;
  private final AtomicBoolean begun = new AtomicBoolean();
  private final RangeWriter writer;
  private final BatchProgress progress;
  private final Consumer<RunRecord> finished;
  private boolean targetReady;
  private volatile long executionId;
  private volatile boolean stopRequested;
  private volatile String error;
  private final Object writes = new Object();
  private int writing;

  BatchRun(
      RunRecord pending,
      PreparedRun prepared,
      Sink sink,
      String traceId,
      RunSpan span,
      boolean restart,
      List<RowPartition> partitions,
      JobLevels levels,
      int batchSize,
      ThreadFactory encoders,
      BatchProgress progress,
      Consumer<RunRecord> finished) {
    this.pending = pending;
    this.plan = prepared;
    this.sink = sink;
    this.traceId = traceId;
    this.span = span;
    this.restart = restart;
    this.partitions = partitions;
    this.levels = levels;
    // a target that commits per partition writes the level's partitions on parallel threads; any
    // other writes one partition at a time, its batches encoded on the run's parallelism
    this.writer =
        sink instanceof PartitionCommits || prepared.parallelism() < 2
            ? new RangeWriter(batchSize)
            : new RangeWriter(batchSize, prepared.parallelism(), encoders);
    this.progress = progress;
    this.finished = finished;
  }

  public String id() {
    return pending.id();
  }

  public RunRecord pending() {
    return pending;
  }

  public String traceId() {
    return traceId;
  }

  /** The run's span: its entities' spans and sampled writes are its children. */
  public RunSpan span() {
    return span;
  }

  public boolean restart() {
    return restart;
  }

  public Sink sink() {
    return sink;
  }

  public BatchProgress progress() {
    return progress;
  }

  /**
   * Creates or checks the tables once per execution: a restarted run only adds what is missing. The
   * job's first step calls it; a restart that resumes at a later step calls it from the first
   * partition that opens.
   */
  public synchronized void prepareTarget() {
    if (targetReady) {
      return;
    }
    try {
      sink.prepare(plan.plan().included(), restart ? TableMode.APPEND_ONLY : plan.mode());
      if (sink instanceof PartitionCommits commits) {
        commits.prepareMarkers();
      }
      targetReady = true;
    } catch (RuntimeException e) {
      failed(e);
      throw e;
    }
  }

  public List<RowPartition> level(int level) {
    return RowPartitions.level(partitions, level);
  }

  public JobLevels levels() {
    return levels;
  }

  /** True for the first job this server executes for the run, false for the next levels' jobs. */
  public boolean begin() {
    return begun.compareAndSet(false, true);
  }

  /** Whether every entity of the level holds all its planned rows. */
  public boolean written(int level) {
    Set<String> names = level(level).stream().map(RowPartition::entity).collect(Collectors.toSet());
    return progress.snapshot().entities().stream()
        .filter(e -> names.contains(e.entity()))
        .allMatch(e -> e.rowsWritten() >= e.rowsPlanned());
  }

  /** Partitions of a level written at once: all of them where the target commits per partition. */
  public int threads(int partitionCount) {
    return sink instanceof PartitionCommits
        ? Math.max(1, Math.min(partitionCount, plan.parallelism()))
        : 1;
  }

  public CompiledEntity entity(String name) {
    return plan.plan().included().stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("run " + id() + " has no entity " + name));
  }

  /**
   * Where a partition resumes: its checkpoint, or further where the target's own marker shows a
   * later commit (a crash between the target's commit and the checkpoint's), or where the saved
   * progress of the run shows one. That progress commits with each chunk's checkpoint; it matters
   * when a level's job restarts as a new job instance without checkpoints (a crash right after the
   * job of a level started, before its execution was recorded).
   */
  public long resumeAt(CompiledEntity e, long first, long checkpoint) {
    long next = Math.max(checkpoint, progress.next(e, first));
    if (sink instanceof PartitionCommits commits) {
      next = Math.max(next, commits.committedNext(id(), e, first).orElse(first));
    }
    progress.at(e, first, next, progress.bytes(e, first));
    return next;
  }

  /**
   * Writes and commits one chunk; returns the partition's bytes written so far. Where the target
   * commits per partition, a stop abandons the chunk between two batches (the target keeps none of
   * it, and a restart writes it again from the checkpoint); any other target finishes the chunk, so
   * its rows stay exactly those the checkpoint covers.
   */
  public long write(CompiledEntity e, long first, RowSpan span) {
    BooleanSupplier stop = sink instanceof PartitionCommits ? this::stopRequested : () -> false;
    synchronized (writes) {
      writing++;
    }
    try {
      long bytes =
          progress.bytes(e, first)
              + writer.write(sink, id(), e, first, span.from(), span.to(), stop);
      progress.at(e, first, span.to(), bytes);
      return bytes;
    } catch (RunCancelledException ex) {
      throw ex;
    } catch (RuntimeException ex) {
      failed(ex);
      throw ex;
    } finally {
      synchronized (writes) {
        writing--;
        writes.notifyAll();
      }
    }
  }

  /**
   * Waits up to {@code wait} until no chunk of this run is being written on this server. A stopped
   * job may end while a partition thread still commits its last chunk; the run's final record is
   * taken after it, so the record counts every row its target holds.
   */
  public boolean awaitWrites(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    synchronized (writes) {
      while (writing > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          writes.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  public void failed(RuntimeException e) {
    if (error == null) {
      error = Causes.describe(e);
    }
  }

  public String error() {
    return error;
  }

  public long executionId() {
    return executionId;
  }

  public void executing(long id) {
    executionId = id;
  }

  public void requestStop() {
    stopRequested = true;
  }

  public boolean stopRequested() {
    return stopRequested;
  }

  public void finish(RunRecord last) {
    finished.accept(last);
  }
}
