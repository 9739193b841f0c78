package dev.syngen.server.infrastructure.metrics;

import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TableMode;
import java.util.List;

/**
 * A sink that times every batch handed to the target and counts the target's failures, by target
 * kind and entity; everything else passes straight through.
 */
final class MeteredSink implements Sink {
  /** The entity label of failures that concern no single entity (preparing the target). */
  static final String ALL = "_all";

  private final Sink sink;
  private final SyngenMetrics metrics;
  private final String kind;

  MeteredSink(Sink sink, SyngenMetrics metrics, String kind) {
    this.sink = sink;
    this.metrics = metrics;
    this.kind = kind;
  }

  @Override
  public void prepare(List<CompiledEntity> entities, TableMode mode) {
    try {
      sink.prepare(entities, mode);
    } catch (RuntimeException e) {
      metrics.error(kind, ALL);
      throw e;
    }
  }

  @Override
  public EntityWriter<?> open(CompiledEntity entity, long startRow) {
    try {
      return new Writer<>(sink.open(entity, startRow), entity.name());
    } catch (RuntimeException e) {
      metrics.error(kind, entity.name());
      throw e;
    }
  }

  @Override
  public void close() {
    sink.close();
  }

  private final class Writer<C> implements EntityWriter<C> {
    private final EntityWriter<C> writer;
    private final String entity;

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
      long t0 = System.nanoTime();
      try {
        writer.write(chunk);
      } catch (RuntimeException e) {
        metrics.error(kind, entity);
        throw e;
      }
      metrics.latency(kind, entity, System.nanoTime() - t0);
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
      try {
        writer.finish();
      } catch (RuntimeException e) {
        metrics.error(kind, entity);
        throw e;
      }
    }

    @Override
    public void close() {
      writer.close();
    }
  }
}
