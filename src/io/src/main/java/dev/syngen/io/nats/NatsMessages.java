package dev.syngen.io.nats;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.MessageContract;
import dev.syngen.core.sink.MessageContract.Field;
import dev.syngen.core.sink.RunContext;
import dev.syngen.io.message.ContractFields;
import dev.syngen.io.message.RecordEncoder;
import dev.syngen.io.message.Records;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds NATS messages with the contract headers; JetStream ones also carry Nats-Msg-Id. */
final class NatsMessages {
  static final String MSG_ID = "Nats-Msg-Id";

  private final String subject;
  private final CompiledEntity entity;
  private final RecordEncoder encoder;
  private final RunContext run;
  private final Headers fixed;
  private final boolean withIds;

  NatsMessages(
      String subject, CompiledEntity entity, RecordEncoder encoder, RunContext run, boolean ids) {
    this.subject = subject;
    this.entity = entity;
    this.encoder = encoder;
    this.run = run;
    this.fixed = headers(ContractFields.record(run, entity.name()));
    this.withIds = ids;
  }

  NatsChunk encode(dev.syngen.core.engine.RowBatch batch) {
    Records r = encoder.encode(batch);
    Message[] out = new Message[r.count()];
    for (int i = 0; i < out.length; i++) {
      Headers h = new Headers(fixed); // copies without validating the fixed fields again
      h.put(Field.ROW.header(), Long.toString(r.row(i)));
      if (r.weights() != null) {
        h.put(Field.WEIGHT.header(), r.weights()[i]);
      }
      if (withIds) {
        h.put(MSG_ID, MessageContract.messageId(run, entity.name(), r.row(i)));
      }
      // read-only headers are published as they are; mutable ones are copied again by publish,
      // on the one writing thread, instead of here on the parallel encoding threads
      out[i] =
          NatsMessage.builder()
              .subject(subject)
              .headers(new Headers(h, true))
              .data(r.values()[i])
              .build();
    }
    return new NatsChunk(r.firstRow(), out, r.bytes());
  }

  Message endOfEntity(long rows) {
    Headers h = headers(ContractFields.endOfEntity(run, entity.name(), rows));
    if (withIds) {
      h.put(MSG_ID, MessageContract.messageId(run, entity.name(), -1));
    }
    byte[] body =
        MessageContract.endOfEntityBody(run, entity.name(), rows).getBytes(StandardCharsets.UTF_8);
    return NatsMessage.builder().subject(subject).headers(h).data(body).build();
  }

  private static Headers headers(Map<Field, String> fields) {
    Headers h = new Headers();
    fields.forEach((k, v) -> h.put(k.header(), v));
    return h;
  }
}
