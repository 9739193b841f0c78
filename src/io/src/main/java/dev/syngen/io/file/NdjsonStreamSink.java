package dev.syngen.io.file;

import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TableMode;
import java.io.IOException;
import java.util.List;

/**
 * Streams rows as NDJSON to a consumer of byte chunks (an HTTP response, a WebSocket): batches are
 * encoded on worker threads and handed over in row order, one chunk per batch, so memory stays
 * bounded by the engine's window whatever the count.
 */
public final class NdjsonStreamSink implements Sink {
  /** Receives encoded chunks in row order; each chunk is whole lines. */
  @FunctionalInterface
  public interface ChunkConsumer {
    void accept(byte[] chunk) throws IOException;
  }

  private final ChunkConsumer consumer;
  private final NdjsonFormat format = new NdjsonFormat();

  public NdjsonStreamSink(ChunkConsumer consumer) {
    this.consumer = consumer;
  }

  @Override
  public void prepare(List<CompiledEntity> entities, TableMode mode) {}

  @Override
  public EntityWriter<byte[]> open(CompiledEntity entity, long startRow) {
    return new EntityWriter<>() {
      @Override
      public byte[] encode(RowBatch batch) {
        return format.bytes(batch);
      }

      @Override
      public void write(byte[] chunk) {
        try {
          consumer.accept(chunk);
        } catch (IOException e) {
          throw new SinkException("the client stopped reading: " + e.getMessage(), e);
        }
      }

      @Override
      public void finish() {}

      @Override
      public void close() {}
    };
  }

  @Override
  public void close() {}
}
