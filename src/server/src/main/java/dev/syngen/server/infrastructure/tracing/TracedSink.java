package dev.syngen.server.infrastructure.tracing;

import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.PartitionCommits;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TableMode;
import io.opentelemetry.api.trace.StatusCode;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sink whose writers put a span around the first write of each writer they open and every n-th
 * after it: for an executor run, a writer is an entity's (or its partition's); for a batch run, a
 * chunk's.
 */
class TracedSink implements Sink {
  private final Sink sink;
  private final RunSpan run;

  private TracedSink(Sink sink, RunSpan run) {
    this.sink = sink;
    this.run = run;
  }

  /** {@code sink} traced; one that commits partitions with their markers stays one. */
  static Sink of(Sink sink, RunSpan run) {
    return sink instanceof PartitionCommits commits
        ? new Commits(sink, commits, run)
        : new TracedSink(sink, run);
  }

  /**
   * A traced sink that commits partitions with their markers: the batch job writes its chunks
   * through {@link #openRange}, and checks and forgets markers through the sink it wraps.
   */
  private static final class Commits extends TracedSink implements PartitionCommits {
    private final PartitionCommits commits;

    Commits(Sink sink, PartitionCommits commits, RunSpan run) {
      super(sink, run);
      this.commits = commits;
    }

    @Override
    public void prepareMarkers() {
      commits.prepareMarkers();
    }

    @Override
    public EntityWriter<?> openRange(
        String runId, CompiledEntity entity, long first, long from, long to) {
      return traced(commits.openRange(runId, entity, first, from, to), entity.name());
    }

    @Override
    public OptionalLong committedNext(String runId, CompiledEntity entity, long first) {
      return commits.committedNext(runId, entity, first);
    }

    @Override
    public void forgetMarkers(String runId) {
      commits.forgetMarkers(runId);
    }
  }

  @Override
  public void prepare(List<CompiledEntity> entities, TableMode mode) {
    sink.prepare(entities, mode);
  }

  @Override
  public EntityWriter<?> open(CompiledEntity entity, long startRow) {
    return traced(sink.open(entity, startRow), entity.name());
  }

  final <C> EntityWriter<C> traced(EntityWriter<C> writer, String entity) {
    return new Writer<>(writer, entity);
  }

  @Override
  public void close() {
    sink.close();
  }

  private final class Writer<C> implements EntityWriter<C> {
    private final EntityWriter<C> writer;
    private final String entity;
    private final AtomicLong batches = new AtomicLong();

    Writer(EntityWriter<C> writer, String entity) {
      this.writer = writer;
      this.entity = entity;
    }

    @Override
    public C encode(RowBatch batch) {
      return writer.encode(batch);
    }

    @Override
    public boolean retainsBatch() {
      return writer.retainsBatch();
    }

    @Override
    public void write(C chunk) {
      long n = batches.getAndIncrement();
      if (n % run.writeSample() != 0) {
        writer.write(chunk);
        return;
      }
      RunSpan.Open span = run.startWrite(entity, n);
      try {
        writer.write(chunk);
      } catch (RuntimeException e) {
        span.span().setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
        throw e;
      } finally {
        run.end(span, "write " + entity, -1);
      }
    }

    @Override
    public long encodedBytes(C chunk) {
      return writer.encodedBytes(chunk);
    }

    @Override
    public void endOfEntity(long rows) {
      writer.endOfEntity(rows);
    }

    @Override
    public void finish() {
      writer.finish();
    }

    @Override
    public void close() {
      writer.close();
    }
  }
}
