package dev.syngen.io.kafka;

import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.engine.ValueFormat;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * One entity into its topic. Sends are asynchronous; the producer retries transient failures itself
 * within {@code delivery.timeout.ms}, and idempotence keeps those retries free of duplicates. The
 * first failed record fails the entity with how many records were acknowledged.
 */
final class KafkaWriter implements EntityWriter<KafkaChunk> {
  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;
  private final CompiledEntity entity;
  private final RecordEncoder encoder;
  private final RunContext run;
  private final Header[] fixed;
  private final AtomicLong acked = new AtomicLong();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final Callback callback;
  private final long startRow;

  KafkaWriter(
      KafkaProducer<byte[], byte[]> producer,
      String topic,
      CompiledEntity entity,
      long startRow,
      RecordEncoder encoder,
      RunContext run) {
    this.producer = producer;
    this.topic = topic;
    this.entity = entity;
    this.startRow = startRow;
    this.encoder = encoder;
    this.run = run;
    this.fixed = headers(ContractFields.record(run, entity.name()));
    this.callback =
        (meta, e) -> {
          if (e == null) {
            acked.incrementAndGet();
          } else {
            failure.compareAndSet(null, e);
          }
        };
  }

  private static Header[] headers(Map<Field, String> fields) {
    return fields.entrySet().stream()
        .map(f -> new RecordHeader(f.getKey().header(), bytes(f.getValue())))
        .toArray(Header[]::new);
  }

  /** A row index (never negative) as decimal digits, in an array of exactly their length. */
  private static byte[] digits(long row) {
    int n = 1;
    for (long t = row; t >= 10; t /= 10) {
      n++;
    }
    byte[] b = new byte[n];
    ValueFormat.writeLong(b, 0, row);
    return b;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public KafkaChunk encode(RowBatch batch) {
    Records r = encoder.encode(batch);
    List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>(r.count());
    int extra = r.weights() == null ? 1 : 2;
    for (int i = 0; i < r.count(); i++) {
      // an ArrayList is taken over by the record as it is; any other Iterable is copied
      ArrayList<Header> h = new ArrayList<>(fixed.length + extra);
      Collections.addAll(h, fixed);
      h.add(new RecordHeader(Field.ROW.header(), digits(r.row(i))));
      if (r.weights() != null) {
        h.add(new RecordHeader(Field.WEIGHT.header(), bytes(r.weights()[i])));
      }
      byte[] key = r.keys() == null ? null : r.keys()[i];
      out.add(new ProducerRecord<>(topic, null, key, r.values()[i], h));
    }
    return new KafkaChunk(out, r.bytes());
  }

  @Override
  public long encodedBytes(KafkaChunk chunk) {
    return chunk.bytes();
  }

  @Override
  public void write(KafkaChunk chunk) {
    throwIfFailed();
    try {
      for (ProducerRecord<byte[], byte[]> rec : chunk.records()) {
        if (failure.get() != null) {
          break; // a send that cannot get metadata fails through the callback, not by throwing
        }
        producer.send(rec, callback);
      }
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
    }
    throwIfFailed();
  }

  /** Sends the end-of-entity message to every partition, so each partition's reader sees it. */
  @Override
  public void endOfEntity(long rows) {
    throwIfFailed();
    byte[] body = bytes(MessageContract.endOfEntityBody(run, entity.name(), rows));
    List<Header> h = List.of(headers(ContractFields.endOfEntity(run, entity.name(), rows)));
    try {
      List<PartitionInfo> partitions = producer.partitionsFor(topic);
      for (PartitionInfo p : partitions) {
        producer.send(
            new ProducerRecord<byte[], byte[]>(topic, p.partition(), (byte[]) null, body, h),
            callback);
      }
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
    }
  }

  @Override
  public void finish() {
    try {
      producer.flush();
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
    }
    throwIfFailed();
  }

  private void throwIfFailed() {
    Exception e = failure.get();
    if (e != null) {
      throw new SinkException(
          "kafka topic '"
              + topic
              + "': "
              + acked.get()
              + " records of entity '"
              + entity.name()
              + "' were acknowledged (rows from "
              + startRow
              + ") before sending failed: "
              + Retry.describe(e)
              + ". Fix: check the broker is up; options.delivery_timeout_ms sets how long the"
              + " producer retries",
          e);
    }
  }

  @Override
  public void close() {
    // the producer belongs to the sink and outlives entities
  }
}
