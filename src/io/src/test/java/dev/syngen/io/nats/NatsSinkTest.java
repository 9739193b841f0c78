package dev.syngen.io.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.engine.RunListener;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.MessageContract.Field;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import dev.syngen.core.traffic.Traffic;
import dev.syngen.io.brokers.NatsServer;
import dev.syngen.io.message.MessageRuns;
import dev.syngen.io.message.MessageRuns.Completeness;
import io.nats.client.Connection;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NATS target against a real nats-server (with JetStream) that the test starts itself. */
class NatsSinkTest {
  @TempDir Path tmp;
  private NatsServer server;
  private final NatsSinkFactory factory = new NatsSinkFactory();

  @BeforeEach
  void startServer() throws Exception {
    server = new NatsServer(tmp.resolve("nats")).start();
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
  }

  private TargetProfile profile(Map<String, String> options) {
    return new TargetProfile("n", "n", "nats", server.url(), null, options);
  }

  private static Map<String, String> jetstream(String stream, String... more) {
    Map<String, String> m = new HashMap<>(Map.of("jetstream", "true", "stream", stream));
    for (int i = 0; i < more.length; i += 2) {
      m.put(more[i], more[i + 1]);
    }
    return m;
  }

  /** Every message of a stream subject, read with a pull consumer. */
  private List<Message> readStream(String stream, String subject, int expected) throws Exception {
    List<Message> all = new ArrayList<>();
    try (Connection c = Nats.connect(server.url())) {
      JetStreamSubscription sub =
          c.jetStream().subscribe(subject, PullSubscribeOptions.builder().stream(stream).build());
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (all.size() < expected && System.nanoTime() < deadline) {
        for (Message m : sub.fetch(1000, Duration.ofMillis(500))) {
          m.ack();
          all.add(m);
        }
      }
      sub.unsubscribe();
    }
    return all;
  }

  private static List<Long> rows(List<Message> messages) {
    return messages.stream()
        .filter(m -> "record".equals(m.getHeaders().getFirst(Field.KIND.header())))
        .map(m -> Long.parseLong(m.getHeaders().getFirst(Field.ROW.header())))
        .toList();
  }

  @Test
  void jetStreamKeepsEveryRowOnceWithMessageIdsAndAnEndOfEntityCount() throws Exception {
    CompiledPlan plan = MessageRuns.plan(3_000);
    MessageRuns.run(
        plan,
        factory.open(profile(jetstream("S1")), MessageRuns.traced(plan, "run-n1")),
        Traffic.UNLIMITED,
        RunListener.NONE);
    List<Message> readings = readStream("S1", "syngen.readings", 3_001);
    assertTrue(Completeness.of(rows(readings)).exactlyOnce(3_000));
    Message first = readings.get(0);
    assertEquals("run-n1/readings/0", first.getHeaders().getFirst("Nats-Msg-Id"));
    assertEquals("run-n1", first.getHeaders().getFirst(Field.RUN_ID.header()));
    assertEquals(plan.configHash(), first.getHeaders().getFirst(Field.CONFIG_HASH.header()));
    assertEquals(MessageRuns.TRACEPARENT, first.getHeaders().getFirst("traceparent"));
    Message end = readings.get(readings.size() - 1);
    assertEquals(MessageRuns.TRACEPARENT, end.getHeaders().getFirst("traceparent"));
    assertEquals("end-of-entity", end.getHeaders().getFirst(Field.KIND.header()));
    assertEquals("3000", end.getHeaders().getFirst(Field.ROW_COUNT.header()));
    assertTrue(new String(end.getData(), StandardCharsets.UTF_8).contains("\"rows\":3000"));
  }

  @Test
  void aServerKilledMidRunAndRestartedLeavesEveryRowExactlyOnce() throws Exception {
    CompiledPlan plan = MessageRuns.plan(20_000);
    List<Throwable> outageErrors = Collections.synchronizedList(new ArrayList<>());
    RunListener outage =
        MessageRuns.outageAt(
            "readings",
            6_000,
            () -> {
              server.stop();
              Thread.sleep(1_500);
              server.start();
            },
            outageErrors);
    MessageRuns.run(
        plan,
        factory.open(profile(jetstream("S2")), MessageRuns.context(plan, "run-n2")),
        MessageRuns.rate(8_000),
        outage);
    assertTrue(outageErrors.isEmpty(), "outage ran: " + outageErrors);
    Completeness c = Completeness.of(rows(readStream("S2", "syngen.readings", 20_001)));
    assertTrue(c.exactlyOnce(20_000), "every row exactly once after a restart: " + c);
  }

  @Test
  void aServerThatStaysDownFailsTheRunSayingHowFarItGot() {
    CompiledPlan plan = MessageRuns.plan(20_000);
    List<Throwable> outageErrors = Collections.synchronizedList(new ArrayList<>());
    RunListener outage = MessageRuns.outageAt("readings", 4_000, server::stop, outageErrors);
    SinkException e =
        assertThrows(
            SinkException.class,
            () ->
                MessageRuns.run(
                    plan,
                    factory.open(
                        profile(
                            jetstream("S3", "retry_timeout_ms", "2000", "ack_timeout_ms", "500")),
                        MessageRuns.context(plan, "run-n3")),
                    MessageRuns.rate(8_000),
                    outage));
    assertTrue(
        e.getMessage()
            .matches(
                "(?s)JetStream stream 'S3': \\d+ rows of entity 'readings' were acknowledged.*gave up after retrying.*"),
        e.getMessage());
  }

  @Test
  void corePublishDeliversToSubscribersWithTheTemplateSubject() throws Exception {
    CompiledPlan plan = MessageRuns.plan(2_000);
    List<Long> rows = Collections.synchronizedList(new ArrayList<>());
    try (Connection c = Nats.connect(server.url())) {
      Subscription sub = c.subscribe("load.test.readings");
      c.flush(Duration.ofSeconds(2));
      MessageRuns.run(
          plan,
          factory.open(
              profile(Map.of("subject", "load.{scenario}.{entity}")),
              MessageRuns.context(plan, "run-n4")),
          Traffic.UNLIMITED,
          RunListener.NONE);
      Message m;
      while ((m = sub.nextMessage(Duration.ofSeconds(2))) != null) {
        if ("record".equals(m.getHeaders().getFirst(Field.KIND.header()))) {
          rows.add(Long.parseLong(m.getHeaders().getFirst(Field.ROW.header())));
        }
      }
    }
    assertTrue(Completeness.of(rows).exactlyOnce(2_000), "core publish to a live subscriber");
  }

  @Test
  void anExistingStreamThatMissesTheSubjectFailsBeforeSending() throws Exception {
    try (Connection c = Nats.connect(server.url())) {
      c.jetStreamManagement()
          .addStream(
              io.nats.client.api.StreamConfiguration.builder()
                  .name("OTHER")
                  .subjects("elsewhere.>")
                  .build());
    }
    CompiledPlan plan = MessageRuns.plan(10);
    SinkException e =
        assertThrows(
            SinkException.class,
            () ->
                MessageRuns.run(
                    plan,
                    factory.open(profile(jetstream("OTHER")), MessageRuns.context(plan, "r")),
                    Traffic.UNLIMITED,
                    RunListener.NONE));
    assertTrue(
        e.getMessage().contains("but not [syngen.devices, syngen.readings]"), e.getMessage());
  }

  @Test
  void targetTestAndValidation() {
    TargetTestResult ok = factory.test(profile(jetstream("S5")));
    assertTrue(ok.ok(), ok.error());
    assertTrue(ok.serverVersion().startsWith("nats-server 2."), ok.serverVersion());
    TargetTestResult down =
        factory.test(new TargetProfile("n", "n", "nats", "nats://127.0.0.1:1", null, Map.of()));
    assertFalse(down.ok());
    Problems p = new Problems();
    factory.validate(
        new TargetProfile(
            "n", "n", "nats", "http://x", null, Map.of("subject", "a b", "jetstream", "maybe")),
        p);
    assertEquals(
        List.of("dsn", "options.jetstream", "options.subject"),
        p.list().stream().map(Problem::path).sorted().toList());
  }
}
