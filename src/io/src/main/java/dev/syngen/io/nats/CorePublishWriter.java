package dev.syngen.io.nats;

import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.RunContext;
import dev.syngen.io.message.RecordEncoder;
import dev.syngen.io.message.Retry;
import io.nats.client.Connection;
import io.nats.client.Message;

/**
 * Core NATS publish: fire and forget, at most once. The connection buffers while it reconnects;
 * {@link #finish} flushes and waits for the server to confirm it has read everything.
 */
final class CorePublishWriter implements EntityWriter<NatsChunk> {
  private final Connection connection;
  private final NatsMessages messages;
  private final CompiledEntity entity;
  private final NatsSettings settings;
  private final Retry retry;
  private long sent;

  CorePublishWriter(
      Connection connection,
      String subject,
      CompiledEntity entity,
      long startRow,
      RecordEncoder encoder,
      RunContext run,
      NatsSettings settings) {
    this.connection = connection;
    this.messages = new NatsMessages(subject, entity, encoder, run, false);
    this.entity = entity;
    this.settings = settings;
    this.retry = new Retry(settings.retryTimeout());
    this.sent = startRow;
  }

  @Override
  public NatsChunk encode(RowBatch batch) {
    return messages.encode(batch);
  }

  @Override
  public long encodedBytes(NatsChunk chunk) {
    return chunk.bytes();
  }

  @Override
  public void write(NatsChunk chunk) {
    for (Message m : chunk.messages()) {
      try {
        connection.publish(m);
      } catch (RuntimeException first) {
        // the retry machinery (a lambda and a deadline) only for the rare publish that fails
        retry.run(
            () -> {
              connection.publish(m);
              return null;
            },
            () -> {},
            failure());
      }
      sent++;
    }
  }

  @Override
  public void endOfEntity(long rows) {
    Message end = messages.endOfEntity(rows);
    retry.run(
        () -> {
          connection.publish(end);
          return null;
        },
        () -> {},
        failure());
  }

  @Override
  public void finish() {
    retry.run(
        () -> {
          connection.flush(settings.ackTimeout());
          return null;
        },
        () -> {},
        failure());
  }

  private String failure() {
    return "nats subject for entity '"
        + entity.name()
        + "': publishing failed after "
        + sent
        + " rows were handed to the connection";
  }

  @Override
  public void close() {
    // the connection belongs to the sink
  }
}
