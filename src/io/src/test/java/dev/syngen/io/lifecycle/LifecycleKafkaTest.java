package dev.syngen.io.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.sink.MessageContract.Field;
import dev.syngen.core.sink.PayloadShape;
import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.traffic.Speed;
import dev.syngen.core.traffic.Traffic;
import dev.syngen.core.traffic.TrafficMode;
import dev.syngen.io.brokers.KafkaBroker;
import dev.syngen.io.kafka.KafkaSinkFactory;
import dev.syngen.io.message.MessageRuns;
import dev.syngen.io.message.MessageRuns.Completeness;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A lifecycle's event and change streams into a real (in-JVM) Kafka broker: a consumer sees every
 * event once, and the end-of-entity message on each partition counts the events, in instance order
 * and in event-time order alike.
 */
class LifecycleKafkaTest {
  private static KafkaBroker kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = new KafkaBroker();
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }

  @Test
  void endOfEntityCountsEventsInInstanceOrder() {
    checkStreams(Traffic.UNLIMITED, "inst");
  }

  @Test
  void endOfEntityCountsEventsInEventTimeOrder() {
    Traffic eventTime =
        new Traffic(null, TrafficMode.STEADY, null, null, null, 0, false, Speed.MAX);
    String prefix = prefix("time");
    try {
      checkStreams(eventTime, "time", prefix);
    } catch (dev.syngen.core.sink.SinkException e) {
      // Twice in full builds the in-JVM broker stopped acknowledging a topic for the producer's
      // two-minute delivery timeout (not yet explained; docs/testing.md): the broker's view of the
      // topics and its threads go to the log, the whole check runs again on fresh topics, and only
      // a second such failure fails the test.
      if (!(e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException)) {
        throw e;
      }
      System.err.println("LifecycleKafkaTest: " + e.getMessage() + "\n" + kafka.describe(prefix));
      checkStreams(eventTime, "time-again", prefix("time-again"));
    }
  }

  /** The log's account of a stuck topic names each partition with its leader and end offset. */
  @Test
  void theBrokersAccountOfTopicsNamesEachPartition() throws Exception {
    String prefix = prefix("described");
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrap()))) {
      admin.createTopics(List.of(new NewTopic(prefix + "t", 3, (short) 1))).all().get();
    }
    String account = kafka.describe(prefix);
    for (int p = 0; p < 3; p++) {
      assertTrue(account.contains(prefix + "t-" + p + " leader "), account);
    }
    assertTrue(account.contains("end offset 0"), account);
  }

  private static String prefix(String tag) {
    return tag + "-" + UUID.randomUUID().toString().substring(0, 8) + ".";
  }

  private void checkStreams(Traffic traffic, String tag) {
    checkStreams(traffic, tag, prefix(tag));
  }

  private void checkStreams(Traffic traffic, String tag, String prefix) {
    CompiledPlan plan = Lifecycles.plan("orders", 7);
    long events = Fixtures.compiled(plan, "orders_events").rows();
    long versions = Fixtures.compiled(plan, "orders_history").rows();
    assertTrue(events > 2 * 2000, "orders have several events each: " + events);
    assertTrue(versions < events, "deleted orders end a version instead of adding one");
    Map<String, String> options = new HashMap<>(Map.of("topic", prefix + "{entity}"));
    TargetProfile profile =
        new TargetProfile("k", "k", "kafka", "kafka://" + kafka.bootstrap(), null, options);
    MessageRuns.run(
        plan,
        new KafkaSinkFactory()
            .open(
                profile,
                new RunContext(
                    "run-" + tag,
                    "orders",
                    "1",
                    plan.configHash(),
                    RunContext.localProducerId(),
                    PayloadShape.NATURAL)),
        traffic,
        RunListener.NONE);

    for (String entity : List.of("orders_events", "orders_cdc", "orders_history")) {
      long expected = entity.equals("orders_history") ? versions : events;
      List<ConsumerRecord<byte[], byte[]>> all = readAll(prefix + entity, 3);
      List<Long> rows =
          all.stream()
              .filter(r -> "record".equals(header(r, Field.KIND)))
              .map(r -> Long.parseLong(header(r, Field.ROW)))
              .toList();
      Completeness c = Completeness.of(rows);
      assertTrue(c.exactlyOnce(expected), entity + ": every event once: " + c);
      List<ConsumerRecord<byte[], byte[]>> ends =
          all.stream().filter(r -> "end-of-entity".equals(header(r, Field.KIND))).toList();
      assertEquals(3, ends.size(), entity + ": one end-of-entity per partition");
      for (ConsumerRecord<byte[], byte[]> end : ends) {
        assertEquals(Long.toString(expected), header(end, Field.ROW_COUNT), entity);
        String body = new String(end.value(), StandardCharsets.UTF_8);
        assertTrue(body.contains("\"rows\":" + expected), body);
      }
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, Field f) {
    Header h = r.headers().lastHeader(f.header());
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int endMarkers) {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrap());
    p.put("group.id", "verify-" + UUID.randomUUID());
    p.put("auto.offset.reset", "earliest");
    List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      c.subscribe(List.of(topic));
      int ends = 0;
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (ends < endMarkers && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
          all.add(r);
          if ("end-of-entity".equals(header(r, Field.KIND))) {
            ends++;
          }
        }
      }
    }
    return all;
  }
}
