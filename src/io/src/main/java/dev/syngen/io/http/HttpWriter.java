package dev.syngen.io.http;

import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.MessageContract;
import dev.syngen.core.sink.MessageContract.Field;
import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.SinkException;
import dev.syngen.io.message.ContractFields;
import dev.syngen.io.message.RecordEncoder;
import dev.syngen.io.message.Records;
import dev.syngen.io.message.Retry;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One entity as POSTed batches: up to {@code concurrency} requests in flight, each retried on its
 * own. Each batch carries the contract headers plus its first row, its record count and an {@code
 * Idempotency-Key}, so a receiver can drop a batch it sees twice after a retry.
 */
final class HttpWriter implements EntityWriter<HttpChunk> {
  private final HttpPoster poster;
  private final HttpSettings settings;
  private final CompiledEntity entity;
  private final RecordEncoder encoder;
  private final RunContext run;
  private final Map<Field, String> fixed;
  private final Semaphore inFlight;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  HttpWriter(
      HttpPoster poster,
      HttpSettings settings,
      CompiledEntity entity,
      RecordEncoder encoder,
      RunContext run) {
    this.poster = poster;
    this.settings = settings;
    this.entity = entity;
    this.encoder = encoder;
    this.run = run;
    this.fixed = ContractFields.record(run, entity.name());
    this.inFlight = new Semaphore(settings.concurrency());
  }

  @Override
  public HttpChunk encode(RowBatch batch) {
    Records r = encoder.encode(batch);
    byte[] body = settings.jsonArray() ? RecordEncoder.jsonArray(r) : RecordEncoder.ndjson(r);
    String weights = r.weights() == null ? null : String.join(",", r.weights());
    return new HttpChunk(r.firstRow(), r.count(), body, weights, r.bytes());
  }

  @Override
  public long encodedBytes(HttpChunk chunk) {
    return chunk.bytes();
  }

  @Override
  public void write(HttpChunk chunk) {
    throwIfFailed();
    acquire(1);
    HttpRequest.Builder b = request(fixed, chunk.body());
    b.setHeader(
        "Content-Type", settings.jsonArray() ? MessageContract.JSON : MessageContract.NDJSON);
    b.setHeader(Field.ROW.header(), Long.toString(chunk.firstRow()));
    b.setHeader(Field.ROW_COUNT.header(), Integer.toString(chunk.count()));
    b.setHeader("Idempotency-Key", MessageContract.messageId(run, entity.name(), chunk.firstRow()));
    if (chunk.weights() != null) {
      b.setHeader(Field.WEIGHT.header(), chunk.weights());
    }
    poster
        .post(b.build())
        .whenComplete(
            (ok, e) -> {
              if (e == null) {
                delivered.addAndGet(chunk.count());
              } else {
                failure.compareAndSet(null, e);
              }
              inFlight.release();
            });
  }

  private HttpRequest.Builder request(Map<Field, String> fields, byte[] body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(settings.url())
            .timeout(settings.timeout())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    settings.headers().forEach(b::setHeader);
    fields.forEach(
        (k, v) -> {
          if (k != Field.CONTENT_TYPE) {
            b.setHeader(k.header(), v);
          }
        });
    return b;
  }

  @Override
  public void endOfEntity(long rows) {
    drain();
    throwIfFailed();
    byte[] body =
        MessageContract.endOfEntityBody(run, entity.name(), rows).getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder b = request(ContractFields.endOfEntity(run, entity.name(), rows), body);
    b.setHeader("Content-Type", MessageContract.JSON);
    b.setHeader("Idempotency-Key", MessageContract.messageId(run, entity.name(), -1));
    CompletableFuture<Void> sent = poster.post(b.build());
    try {
      sent.join();
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e.getCause() == null ? e : e.getCause());
    }
  }

  @Override
  public void finish() {
    drain();
    throwIfFailed();
  }

  private void drain() {
    acquire(settings.concurrency());
    inFlight.release(settings.concurrency());
  }

  private void acquire(int permits) {
    try {
      inFlight.acquire(permits);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SinkException("interrupted while waiting for HTTP responses", e);
    }
  }

  private void throwIfFailed() {
    Throwable e = failure.get();
    if (e != null) {
      throw new SinkException(
          "http POST to "
              + dev.syngen.core.sink.Redactor.dsn(settings.url().toString())
              + ": "
              + delivered.get()
              + " records of entity '"
              + entity.name()
              + "' were accepted before a batch failed (retried up to "
              + settings.retries()
              + " times on connection errors, 408, 429 and 5xx): "
              + Retry.describe(e)
              + ". Fix: check the receiver; options.retries and retry_backoff_ms set the policy",
          e);
    }
  }

  @Override
  public void close() {
    // requests still in flight after a failure complete on the client's threads and are ignored
  }
}
