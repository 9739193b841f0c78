package dev.syngen.io.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.engine.RunListener;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.MessageContract.Field;
import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import dev.syngen.io.brokers.KafkaBroker;
import dev.syngen.io.message.MessageRuns;
import dev.syngen.io.message.MessageRuns.Completeness;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Kafka target against a real in-JVM KRaft broker. */
class KafkaSinkTest {
  private static KafkaBroker kafka;
  private final KafkaSinkFactory factory = new KafkaSinkFactory();

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = new KafkaBroker();
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }

  private static TargetProfile profile(String topic, Map<String, String> extra) {
    Map<String, String> options = new java.util.HashMap<>(extra);
    options.put("topic", topic);
    return new TargetProfile("k", "k", "kafka", "kafka://" + kafka.bootstrap(), null, options);
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, Field f) {
    Header h = r.headers().lastHeader(f.header());
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  /** Reads a topic from the start until {@code endMarkers} end-of-entity messages have arrived. */
  private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int endMarkers) {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrap());
    p.put("group.id", "verify-" + UUID.randomUUID());
    p.put("auto.offset.reset", "earliest");
    p.put("isolation.level", "read_committed");
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

  private static List<Long> rows(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream()
        .filter(r -> "record".equals(header(r, Field.KIND)))
        .map(r -> Long.parseLong(header(r, Field.ROW)))
        .toList();
  }

  @Test
  void everyRowArrivesOnceWithTheContractHeadersKeyAndEndOfEntityOnEachPartition() {
    CompiledPlan plan = MessageRuns.plan(5_000);
    String prefix = "t1-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    RunContext ctx = MessageRuns.traced(plan, "run-k1");
    MessageRuns.run(
        plan,
        factory.open(profile(prefix + "{entity}", Map.of("key_column", "device_id")), ctx),
        dev.syngen.core.traffic.Traffic.UNLIMITED,
        RunListener.NONE);

    List<ConsumerRecord<byte[], byte[]>> readings = readAll(prefix + "readings", 3);
    assertTrue(Completeness.of(rows(readings)).exactlyOnce(5_000), "readings: every row once");
    ConsumerRecord<byte[], byte[]> first =
        readings.stream().filter(r -> "0".equals(header(r, Field.ROW))).findFirst().orElseThrow();
    assertEquals("run-k1", header(first, Field.RUN_ID));
    assertEquals(plan.configHash(), header(first, Field.CONFIG_HASH));
    assertEquals("test", header(first, Field.SCENARIO_ID));
    assertEquals("1", header(first, Field.SCENARIO_VERSION));
    assertEquals("readings", header(first, Field.ENTITY));
    assertEquals("application/json", header(first, Field.CONTENT_TYPE));
    assertEquals(ctx.producerId(), header(first, Field.PRODUCER_ID));
    assertEquals(MessageRuns.TRACEPARENT, header(first, Field.TRACEPARENT));
    String json = new String(first.value(), StandardCharsets.UTF_8);
    assertTrue(json.startsWith("{\"reading_id\":1,\"device_id\":\""), json);
    String device = json.replaceAll(".*\"device_id\":\"([^\"]+)\".*", "$1");
    assertEquals(device, new String(first.key(), StandardCharsets.UTF_8), "keyed by device_id");
    List<ConsumerRecord<byte[], byte[]>> ends =
        readings.stream().filter(r -> "end-of-entity".equals(header(r, Field.KIND))).toList();
    assertEquals(3, ends.stream().map(ConsumerRecord::partition).distinct().count());
    ends.forEach(e -> assertEquals("5000", header(e, Field.ROW_COUNT)));
    ends.forEach(e -> assertEquals(MessageRuns.TRACEPARENT, header(e, Field.TRACEPARENT)));

    List<ConsumerRecord<byte[], byte[]>> devices = readAll(prefix + "devices", 3);
    assertTrue(Completeness.of(rows(devices)).exactlyOnce(20));
    assertNotNull(devices.get(0).key(), "devices are keyed by their first column");
  }

  @Test
  void aBrokerStoppedMidRunAndRestartedLosesAndDuplicatesNothing() {
    CompiledPlan plan = MessageRuns.plan(30_000);
    String topic = "t2-" + UUID.randomUUID().toString().substring(0, 8);
    List<Throwable> outageErrors = Collections.synchronizedList(new ArrayList<>());
    RunListener outage =
        MessageRuns.outageAt(
            "readings",
            8_000,
            () -> {
              kafka.stopBroker();
              Thread.sleep(2_000);
              kafka.startBroker();
            },
            outageErrors);
    MessageRuns.run(
        plan,
        factory.open(profile(topic + ".{entity}", Map.of()), MessageRuns.context(plan, "run-k2")),
        MessageRuns.rate(10_000),
        outage);
    assertTrue(outageErrors.isEmpty(), "outage ran: " + outageErrors);
    Completeness c = Completeness.of(rows(readAll(topic + ".readings", 3)));
    assertTrue(c.exactlyOnce(30_000), "every row exactly once after a broker restart: " + c);
  }

  @Test
  void aBrokerThatStaysDownFailsTheRunSayingHowFarItGot() throws Exception {
    CompiledPlan plan = MessageRuns.plan(20_000);
    String topic = "t3-" + UUID.randomUUID().toString().substring(0, 8);
    List<Throwable> outageErrors = Collections.synchronizedList(new ArrayList<>());
    RunListener outage = MessageRuns.outageAt("readings", 5_000, kafka::stopBroker, outageErrors);
    try {
      SinkException e =
          assertThrows(
              SinkException.class,
              () ->
                  MessageRuns.run(
                      plan,
                      factory.open(
                          profile(topic + ".{entity}", Map.of("delivery_timeout_ms", "3000")),
                          MessageRuns.context(plan, "run-k3")),
                      MessageRuns.rate(10_000),
                      outage));
      assertTrue(e.getMessage().contains("kafka topic '" + topic + ".readings'"), e.getMessage());
      assertTrue(
          e.getMessage().matches("(?s).*: \\d+ records of entity 'readings' were acknowledged.*"),
          e.getMessage());
    } finally {
      kafka.startBroker();
    }
  }

  @Test
  void targetTestReportsTheClusterAndAnUnreachableBrokerClearly() {
    TargetTestResult ok = factory.test(profile("x", Map.of()));
    assertTrue(ok.ok(), ok.error());
    assertTrue(ok.serverVersion().startsWith("Kafka cluster"), ok.serverVersion());
    TargetTestResult down =
        factory.test(new TargetProfile("k", "k", "kafka", "127.0.0.1:1", null, Map.of()));
    assertFalse(down.ok());
    assertTrue(down.error().contains("cannot reach kafka at 127.0.0.1:1"), down.error());
  }

  @Test
  void validationNamesEveryBadOptionWithAFix() {
    Problems p = new Problems();
    factory.validate(
        new TargetProfile(
            "k",
            "k",
            "kafka",
            "not a server list",
            null,
            Map.of(
                "topic", "bad topic {x}", "compression", "brotli", "acks", "1", "lingr_ms", "5")),
        p);
    List<String> paths = p.list().stream().map(Problem::path).toList();
    assertTrue(
        paths.containsAll(
            List.of(
                "dsn", "options.topic", "options.compression", "options.acks", "options.lingr_ms")),
        paths.toString());
    assertTrue(p.list().stream().allMatch(x -> x.fix() != null && !x.fix().isBlank()));
  }

  @Test
  void aMissingKeyColumnFailsBeforeAnythingIsSent() {
    CompiledPlan plan = MessageRuns.plan(10);
    SinkException e =
        assertThrows(
            SinkException.class,
            () ->
                MessageRuns.run(
                    plan,
                    factory.open(
                        profile("t4.{entity}", Map.of("key_column.readings", "nope")),
                        MessageRuns.context(plan, "run-k4")),
                    dev.syngen.core.traffic.Traffic.UNLIMITED,
                    RunListener.NONE));
    assertTrue(e.getMessage().contains("key_column.readings names column 'nope'"), e.getMessage());
  }
}
