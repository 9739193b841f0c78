package dev.syngen.server.infrastructure.tracing;

import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TableMode;
import io.opentelemetry.api.trace.StatusCode;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A sink whose writers put a span around the first write of an entity and every n-th after it. */
final class TracedSink implements Sink {
  private final Sink sink;
  private final RunSpan run;

  TracedSink(Sink sink, RunSpan run) {
    this.sink = sink;
    this.run = run;
  }

  @Override
  public void prepare(List<CompiledEntity> entities, TableMode mode) {
    sink.prepare(entities, mode);
  }

  @Override
  public EntityWriter<?> open(CompiledEntity entity, long startRow) {
    return new Writer<>(sink.open(entity, startRow), entity.name());
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
