package dev.syngen.io.jms;

import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.MessageContract;
import dev.syngen.core.sink.MessageContract.Field;
import dev.syngen.core.sink.RunContext;
import dev.syngen.io.message.ContractFields;
import dev.syngen.io.message.RecordEncoder;
import dev.syngen.io.message.Records;
import dev.syngen.io.message.Retry;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One entity into its queue or topic as text (JSON) messages. With {@code transacted} (the default)
 * each batch is one transaction; a failed batch is rolled back and sent again on a fresh connection
 * within the retry budget. Artemis drops a resent batch it already committed, thanks to a
 * duplicate-detection id per batch ({@code _AMQ_DUPL_ID}), so nothing is lost or doubled.
 */
final class JmsWriter implements EntityWriter<JmsChunk> {
  /** Artemis' duplicate-detection property; other brokers ignore it. */
  static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

  private final JmsSession jms;
  private final String destination;
  private final CompiledEntity entity;
  private final RecordEncoder encoder;
  private final RunContext run;
  private final JmsSettings settings;
  private final String[] names;
  private final String[] values;
  private final Retry retry;
  private long committed;

  JmsWriter(
      JmsSession jms,
      String destination,
      CompiledEntity entity,
      long startRow,
      RecordEncoder encoder,
      RunContext run,
      JmsSettings settings) {
    this.jms = jms;
    this.destination = destination;
    this.entity = entity;
    this.encoder = encoder;
    this.run = run;
    this.settings = settings;
    Map<Field, String> fixed = ContractFields.record(run, entity.name());
    this.names = fixed.keySet().stream().map(Field::property).toArray(String[]::new);
    this.values = fixed.values().toArray(String[]::new);
    this.retry = new Retry(settings.retryTimeout());
    this.committed = startRow;
  }

  @Override
  public JmsChunk encode(RowBatch batch) {
    Records r = encoder.encode(batch);
    String[] bodies = new String[r.count()];
    for (int i = 0; i < bodies.length; i++) {
      bodies[i] = new String(r.values()[i], StandardCharsets.UTF_8);
    }
    return new JmsChunk(r.firstRow(), bodies, r.weights(), r.bytes());
  }

  @Override
  public long encodedBytes(JmsChunk chunk) {
    return chunk.bytes();
  }

  @Override
  public void write(JmsChunk chunk) {
    retry.run(
        () -> {
          try {
            send(chunk);
          } catch (JMSException | RuntimeException e) {
            if (!alreadyCommitted(e)) {
              throw e;
            }
          }
          return null;
        },
        jms::reset,
        failure());
    committed += chunk.bodies().length;
  }

  private void send(JmsChunk chunk) throws JMSException {
    jms.transaction(() -> sendAll(chunk));
  }

  private void sendAll(JmsChunk chunk) throws JMSException {
    MessageProducer producer = jms.producer(destination);
    for (int i = 0; i < chunk.bodies().length; i++) {
      TextMessage m = jms.session().createTextMessage(chunk.bodies()[i]);
      for (int f = 0; f < names.length; f++) {
        m.setStringProperty(names[f], values[f]);
      }
      long row = chunk.firstRow() + i;
      m.setLongProperty(Field.ROW.property(), row);
      if (chunk.weights() != null) {
        m.setStringProperty(Field.WEIGHT.property(), chunk.weights()[i]);
      }
      if (!settings.transacted() || i == 0) {
        // one id per transaction is enough: a resent transaction is dropped as a whole
        m.setStringProperty(DUPLICATE_ID, MessageContract.messageId(run, entity.name(), row));
      }
      producer.send(m);
    }
  }

  private static void set(TextMessage m, Field k, String v) {
    try {
      m.setStringProperty(k.property(), v);
    } catch (JMSException e) {
      throw new IllegalStateException("cannot set property " + k.property(), e);
    }
  }

  /** A resent batch that the broker had already committed is reported as a duplicate. */
  private static boolean alreadyCommitted(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("Duplicate message detected")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void endOfEntity(long rows) {
    String body = MessageContract.endOfEntityBody(run, entity.name(), rows);
    Map<Field, String> fields = ContractFields.endOfEntity(run, entity.name(), rows);
    retry.run(
        () -> {
          try {
            jms.transaction(
                () -> {
                  TextMessage m = jms.session().createTextMessage(body);
                  fields.forEach((k, v) -> set(m, k, v));
                  m.setStringProperty(
                      DUPLICATE_ID, MessageContract.messageId(run, entity.name(), -1));
                  jms.producer(destination).send(m);
                });
          } catch (JMSException | RuntimeException e) {
            if (!alreadyCommitted(e)) {
              throw e;
            }
          }
          return null;
        },
        jms::reset,
        failure());
  }

  @Override
  public void finish() {
    // every batch is committed (or, untransacted, handed to the connection) as it is written
  }

  private String failure() {
    return "jms "
        + (settings.topic() ? "topic '" : "queue '")
        + destination
        + "': "
        + committed
        + " rows of entity '"
        + entity.name()
        + "' were committed before sending failed. Fix: check the broker is up;"
        + " options.retry_timeout_ms sets how long syngen retries";
  }

  @Override
  public void close() {
    // the session belongs to the sink
  }
}
