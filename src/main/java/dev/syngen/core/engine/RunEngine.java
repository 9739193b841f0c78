package dev.syngen.core.engine;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TableMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executes a plan into a sink. Entities run in dependency order; within an entity, worker threads
 * fill and encode batches in parallel while the calling thread writes them strictly in row order.
 * At most {@code 2 × parallelism} batches are in flight, so memory does not grow with row count,
 * and output is identical for every parallelism and batch size.
 */
public final class RunEngine {
  public static final int DEFAULT_BATCH_SIZE = 4096;

  private final int parallelism;
  private final int batchSize;
  private final ThreadFactory threads;

  public RunEngine(int parallelism, int batchSize) {
    this(parallelism, batchSize, new WorkerThreads());
  }

  /** An engine whose worker threads come from {@code threads} (a container's managed factory). */
  public RunEngine(int parallelism, int batchSize, ThreadFactory threads) {
    if (parallelism < 1 || batchSize < 1) {
      throw new IllegalArgumentException("parallelism and batch size must be >= 1");
    }
    this.parallelism = parallelism;
    this.batchSize = batchSize;
    this.threads = threads;
  }

  /**
   * Runs the plan. {@code resume} maps entity names to the next row to write (a checkpoint); absent
   * entities start at row 0, and entities already complete are skipped.
   */
  public List<EntityStats> run(
      CompiledPlan plan,
      Sink sink,
      TableMode mode,
      Map<String, Long> resume,
      RunListener listener,
      CancelToken cancel) {
    List<CompiledEntity> entities = plan.included();
    sink.prepare(entities, resume.isEmpty() ? mode : TableMode.APPEND_ONLY);
    List<EntityStats> stats = new ArrayList<>();
    ExecutorService pool =
        parallelism > 1 ? Executors.newFixedThreadPool(parallelism, threads) : null;
    try {
      for (CompiledEntity e : entities) {
        long start = Math.min(resume.getOrDefault(e.name(), 0L), e.rows());
        stats.add(runEntity(e, start, sink, pool, listener, cancel));
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    return stats;
  }

  private <C> EntityStats runEntity(
      CompiledEntity e,
      long start,
      Sink sink,
      ExecutorService pool,
      RunListener listener,
      CancelToken cancel) {
    long t0 = System.nanoTime();
    listener.entityStarted(e, start);
    @SuppressWarnings("unchecked")
    EntityWriter<C> writer = (EntityWriter<C>) sink.open(e, start);
    try (writer) {
      long next = start;
      long written = start;
      Deque<CompletableFuture<C>> window = new ArrayDeque<>();
      int maxInFlight = pool == null ? 1 : 2 * parallelism;
      while (written < e.rows()) {
        while (next < e.rows() && window.size() < maxInFlight) {
          long first = next;
          int n = (int) Math.min(batchSize, e.rows() - first);
          window.add(encode(writer, e, first, n, pool));
          next += n;
        }
        if (cancel.isCancelled()) {
          window.forEach(f -> f.cancel(true));
          writer.finish();
          listener.progress(e, written);
          throw new RunCancelledException(e.name(), written);
        }
        C chunk = join(window.removeFirst());
        writer.write(chunk);
        written = Math.min(e.rows(), written + batchSize);
        listener.progress(e, written);
      }
      writer.finish();
    }
    EntityStats s =
        new EntityStats(
            e.name(), e.table(), e.rows() - start, (System.nanoTime() - t0) / 1_000_000);
    listener.entityFinished(s);
    return s;
  }

  private <C> CompletableFuture<C> encode(
      EntityWriter<C> writer, CompiledEntity e, long first, int n, ExecutorService pool) {
    if (pool == null) {
      return CompletableFuture.completedFuture(writer.encode(new RowBatch(e, n).fill(first, n)));
    }
    return CompletableFuture.supplyAsync(
        () -> writer.encode(new RowBatch(e, n).fill(first, n)), pool);
  }

  private static <C> C join(CompletableFuture<C> f) {
    try {
      return f.join();
    } catch (CompletionException ex) {
      if (ex.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw ex;
    }
  }

  private static final class WorkerThreads implements ThreadFactory {
    private final AtomicInteger n = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "syngen-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
