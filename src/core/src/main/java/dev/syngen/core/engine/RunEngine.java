package dev.syngen.core.engine;

import dev.syngen.core.lifecycle.CompiledLifecycle;
import dev.syngen.core.lifecycle.EventTimeMerge;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.Shard;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.traffic.Pacer;
import dev.syngen.core.traffic.Traffic;
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
 *
 * <p>With a {@link Traffic} rate, writes are paced (batches shrink to a small slice of the rate so
 * pacing is smooth); with a duration, the streamed entity stops at the first batch boundary after
 * it. Neither changes which values a row gets.
 */
public final class RunEngine {
  public static final int DEFAULT_BATCH_SIZE = 4096;

  private final int parallelism;
  private final int batchSize;

  /**
   * Per thread, the batch it fills for writers that do not keep batches; the pool's threads end
   * with the run, and the calling thread's is removed when the run ends.
   */
  private final ThreadLocal<RowBatch> scratch = new ThreadLocal<>();

  private final ThreadFactory threads;
  private final Traffic traffic;

  public RunEngine(int parallelism, int batchSize) {
    this(parallelism, batchSize, Traffic.UNLIMITED);
  }

  public RunEngine(int parallelism, int batchSize, Traffic traffic) {
    this(parallelism, batchSize, traffic, new WorkerThreads());
  }

  /** An engine whose worker threads come from {@code threads} (a container's managed factory). */
  public RunEngine(int parallelism, int batchSize, ThreadFactory threads) {
    this(parallelism, batchSize, Traffic.UNLIMITED, threads);
  }

  public RunEngine(int parallelism, int batchSize, Traffic traffic, ThreadFactory threads) {
    if (parallelism < 1 || batchSize < 1) {
      throw new IllegalArgumentException("parallelism and batch size must be >= 1");
    }
    this.parallelism = parallelism;
    this.threads = threads;
    this.traffic = traffic;
    this.batchSize = traffic.batchSize(batchSize);
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
    return run(plan, sink, mode, resume, Shard.WHOLE, listener, cancel);
  }

  /**
   * Runs one shard of the plan: rows {@code [shard.first(rows), shard.end(rows))} of every entity,
   * from its checkpoint in {@code resume} when that lies inside the range. Only the whole run ends
   * entities ({@link EntityWriter#endOfEntity}): a shard cannot know that the others are complete.
   */
  public List<EntityStats> run(
      CompiledPlan plan,
      Sink sink,
      TableMode mode,
      Map<String, Long> resume,
      Shard shard,
      RunListener listener,
      CancelToken cancel) {
    List<CompiledEntity> entities = plan.included();
    sink.prepare(entities, resume.isEmpty() ? mode : TableMode.APPEND_ONLY);
    List<EntityStats> stats = new ArrayList<>();
    // wall-clock rows are made on the writing thread, just before they are sent, so times never
    // go back from one row to the next
    ExecutorService pool =
        parallelism > 1 && !traffic.wallClock()
            ? Executors.newFixedThreadPool(parallelism, threads)
            : null;
    Pacer pacer = Pacer.of(traffic);
    String streamed = streamedEntity(entities);
    try {
      for (CompiledEntity e : entities) {
        long end = shard.end(e.rows());
        long start =
            Math.max(shard.first(e.rows()), Math.min(resume.getOrDefault(e.name(), 0L), end));
        long budget = e.name().equals(streamed) ? traffic.duration().toNanos() : Long.MAX_VALUE;
        CompiledLifecycle lc =
            traffic.eventTimeOrder() ? EventTimeMerge.lifecycleOf(plan.entities(), e) : null;
        stats.add(
            lc != null
                ? new EventTimeRun(e, lc, traffic, batchSize, threads)
                    .run(start, end, shard.isWhole(), sink, listener, cancel, pacer, budget)
                : runEntity(
                    e, start, end, shard.isWhole(), sink, pool, listener, cancel, pacer, budget));
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
      scratch.remove();
    }
    return stats;
  }

  /** The entity a duration applies to: the one named, else the last in plan order; or none. */
  private String streamedEntity(List<CompiledEntity> entities) {
    if (traffic.duration() == null || entities.isEmpty()) {
      return null;
    }
    return traffic.streamEntity() != null
        ? traffic.streamEntity()
        : entities.get(entities.size() - 1).name();
  }

  private <C> EntityStats runEntity(
      CompiledEntity e,
      long start,
      long end,
      boolean wholeEntity,
      Sink sink,
      ExecutorService pool,
      RunListener listener,
      CancelToken cancel,
      Pacer pacer,
      long budgetNanos) {
    long t0 = System.nanoTime();
    listener.entityStarted(e, start);
    @SuppressWarnings("unchecked")
    EntityWriter<C> writer = (EntityWriter<C>) sink.open(e, start);
    long written = start;
    long bytes = 0;
    try (writer) {
      long next = start;
      Deque<CompletableFuture<C>> window = new ArrayDeque<>();
      int maxInFlight = pool == null ? 1 : 2 * parallelism;
      while (written < end && System.nanoTime() - t0 < budgetNanos) {
        while (next < end && window.size() < maxInFlight) {
          long first = next;
          int n = (int) Math.min(batchSize, end - first);
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
        int n = (int) Math.min(batchSize, end - written);
        long size = writer.encodedBytes(chunk);
        pace(pacer, e, n, size, written);
        writer.write(chunk);
        written += n;
        bytes += Math.max(0, size);
        listener.progress(e, written, bytes);
      }
      window.forEach(f -> f.cancel(true));
      if (wholeEntity) {
        writer.endOfEntity(written);
      }
      writer.finish();
    }
    EntityStats s =
        new EntityStats(
            e.name(), e.table(), written - start, (System.nanoTime() - t0) / 1_000_000, bytes);
    listener.entityFinished(s);
    return s;
  }

  static void pace(Pacer pacer, CompiledEntity e, int rows, long bytes, long written) {
    if (pacer.needsBytes() && bytes < 0) {
      throw new SinkException(
          "a bytes/s rate needs a target that reports record sizes (kafka, nats, jms, http, csv,"
              + " ndjson); entity '"
              + e.name()
              + "' goes to one that does not. Fix: give --rate in records/s, e.g. 50k/s");
    }
    try {
      pacer.acquire(rows, bytes);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new RunCancelledException(e.name(), written);
    }
  }

  private <C> CompletableFuture<C> encode(
      EntityWriter<C> writer, CompiledEntity e, long first, int n, ExecutorService pool) {
    boolean reuse = !writer.retainsBatch();
    if (pool == null) {
      return CompletableFuture.completedFuture(writer.encode(batch(e, first, n, reuse)));
    }
    return CompletableFuture.supplyAsync(() -> writer.encode(batch(e, first, n, reuse)), pool);
  }

  /**
   * Rows {@code [first, first + n)} of {@code e}; with {@code reuse}, in this thread's batch of the
   * entity, which the writer's chunks do not refer to, rather than in new arrays.
   */
  private RowBatch batch(CompiledEntity e, long first, int n, boolean reuse) {
    RowBatch b = reuse ? scratch(e) : new RowBatch(e, n);
    b.fill(first, n);
    return traffic.wallClock() ? b.stampWallClock(System::currentTimeMillis) : b;
  }

  /** This thread's batch of {@code e}, of {@code batchSize} rows: no batch is larger. */
  private RowBatch scratch(CompiledEntity e) {
    RowBatch b = scratch.get();
    if (b == null || b.entity() != e) {
      b = new RowBatch(e, batchSize);
      scratch.set(b);
    }
    return b;
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
