package dev.syngen.io.nats;

import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.RunContext;
import dev.syngen.io.message.RecordEncoder;
import dev.syngen.io.message.Retry;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Message;
import io.nats.client.api.PublishAck;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * JetStream publish with acks. Up to {@code max_pending} publishes are in flight; a publish that
 * fails or is not acknowledged in time is sent again, with the same {@code Nats-Msg-Id}, until the
 * retry budget is spent, so the stream keeps each row once even when the server restarts mid-run.
 */
final class JetStreamWriter implements EntityWriter<NatsChunk> {
  private record Pending(Message message, CompletableFuture<PublishAck> ack) {}

  private final JetStream js;
  private final NatsMessages messages;
  private final CompiledEntity entity;
  private final NatsSettings settings;
  private final Retry retry;
  private final Deque<Pending> pending = new ArrayDeque<>();
  private long acked;

  JetStreamWriter(
      Connection connection,
      String subject,
      CompiledEntity entity,
      long startRow,
      RecordEncoder encoder,
      RunContext run,
      NatsSettings settings) {
    try {
      this.js = connection.jetStream();
    } catch (IOException e) {
      throw new dev.syngen.core.sink.SinkException("JetStream is not available: " + e, e);
    }
    this.messages = new NatsMessages(subject, entity, encoder, run, true);
    this.entity = entity;
    this.settings = settings;
    this.retry = new Retry(settings.retryTimeout());
    this.acked = startRow;
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
      while (pending.size() >= settings.maxPending()) {
        settle(pending.removeFirst());
      }
      pending.add(new Pending(m, publishAsync(m)));
    }
  }

  private CompletableFuture<PublishAck> publishAsync(Message m) {
    try {
      return js.publishAsync(m);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Waits for one publish's ack; on failure publishes it again (same msg id) within the budget. */
  private void settle(Pending p) {
    try {
      p.ack().get(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new dev.syngen.core.sink.SinkException("interrupted while waiting for JetStream", e);
    } catch (Exception e) {
      retry.run(() -> js.publish(p.message()), () -> {}, failure());
    }
    acked++;
  }

  @Override
  public void endOfEntity(long rows) {
    while (!pending.isEmpty()) {
      settle(pending.removeFirst());
    }
    Message end = messages.endOfEntity(rows);
    retry.run(() -> js.publish(end), () -> {}, failure());
  }

  @Override
  public void finish() {
    while (!pending.isEmpty()) {
      settle(pending.removeFirst());
    }
  }

  private String failure() {
    return "JetStream stream '"
        + settings.stream()
        + "': "
        + acked
        + " rows of entity '"
        + entity.name()
        + "' were acknowledged before publishing failed. Fix: check the nats server is up with"
        + " JetStream; options.retry_timeout_ms sets how long syngen retries";
  }

  @Override
  public void close() {
    pending.clear();
  }
}
