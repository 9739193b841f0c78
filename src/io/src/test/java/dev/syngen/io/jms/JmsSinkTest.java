package dev.syngen.io.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.engine.RunListener;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.sink.MessageContract.Field;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import dev.syngen.core.traffic.Traffic;
import dev.syngen.io.brokers.ArtemisBroker;
import dev.syngen.io.message.MessageRuns;
import dev.syngen.io.message.MessageRuns.Completeness;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JMS target against an embedded ActiveMQ Artemis broker with a persistent journal. */
class JmsSinkTest {
  @TempDir Path tmp;
  private ArtemisBroker broker;
  private final JmsSinkFactory factory = new JmsSinkFactory();

  @BeforeEach
  void startBroker() throws Exception {
    broker = new ArtemisBroker(tmp.resolve("artemis")).start();
  }

  @AfterEach
  void stopBroker() throws Exception {
    broker.close();
  }

  private TargetProfile profile(String... options) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < options.length; i += 2) {
      m.put(options[i], options[i + 1]);
    }
    return new TargetProfile("j", "j", "jms", broker.url(), null, m);
  }

  /** Drains a queue; returns the messages. */
  private List<Message> drain(String queue) throws Exception {
    List<Message> all = new ArrayList<>();
    try (Connection c = new ActiveMQConnectionFactory(broker.url()).createConnection()) {
      c.start();
      Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
      MessageConsumer consumer = s.createConsumer(s.createQueue(queue));
      Message m;
      while ((m = consumer.receive(2_000)) != null) {
        all.add(m);
      }
    }
    return all;
  }

  private static List<Long> rows(List<Message> messages) throws Exception {
    List<Long> rows = new ArrayList<>();
    for (Message m : messages) {
      if ("record".equals(m.getStringProperty(Field.KIND.property()))) {
        rows.add(m.getLongProperty(Field.ROW.property()));
      }
    }
    return rows;
  }

  @Test
  void persistentTransactedBatchesDeliverEveryRowOnceWithProperties() throws Exception {
    CompiledPlan plan = MessageRuns.plan(3_000);
    MessageRuns.run(
        plan,
        factory.open(profile(), MessageRuns.traced(plan, "run-j1")),
        Traffic.UNLIMITED,
        RunListener.NONE);
    List<Message> readings = drain("syngen.readings");
    assertTrue(Completeness.of(rows(readings)).exactlyOnce(3_000));
    TextMessage first = (TextMessage) readings.get(0);
    assertTrue(first.getText().startsWith("{\"reading_id\":1,"), first.getText());
    assertEquals("run-j1", first.getStringProperty("syngen_run_id"));
    assertEquals(plan.configHash(), first.getStringProperty("syngen_config_hash"));
    assertEquals("application/json", first.getStringProperty("syngen_content_type"));
    assertEquals(MessageRuns.TRACEPARENT, first.getStringProperty("traceparent"));
    Message end = readings.get(readings.size() - 1);
    assertEquals(MessageRuns.TRACEPARENT, end.getStringProperty("traceparent"));
    assertEquals("end-of-entity", end.getStringProperty("syngen_kind"));
    assertEquals("3000", end.getStringProperty("syngen_row_count"));
    assertEquals(21, drain("syngen.devices").size(), "20 devices and their end-of-entity");
  }

  /**
   * A connection factory named by JNDI (as in the server): each batch and each end-of-entity
   * message is one container transaction, with the session opened inside it and closed after it.
   */
  @Test
  void aContainerFactorySendsEachBatchInItsOwnContainerTransaction() throws Exception {
    List<String> units = Collections.synchronizedList(new ArrayList<>());
    ContainerTransactions container =
        work -> {
          units.add("begin");
          work.run();
          units.add("commit");
        };
    JmsSinkFactory server =
        new JmsSinkFactory(s -> new ActiveMQConnectionFactory(broker.url()), container);
    TargetProfile named =
        new TargetProfile("j", "j", "jms", "jndi:jms/test", null, Map.of("destination", "q.all"));
    CompiledPlan plan = MessageRuns.plan(10_000);
    MessageRuns.run(
        plan,
        server.open(named, MessageRuns.context(plan, "run-j5")),
        Traffic.UNLIMITED,
        RunListener.NONE);
    List<Message> all = drain("q.all");
    List<Long> readings = new ArrayList<>();
    for (Message m : all) {
      if ("readings".equals(m.getStringProperty("syngen_entity"))
          && "record".equals(m.getStringProperty("syngen_kind"))) {
        readings.add(m.getLongProperty("syngen_row"));
      }
    }
    assertTrue(Completeness.of(readings).exactlyOnce(10_000));
    // 10 batches of readings (1,024 rows each), 1 of devices, and an end-of-entity for each
    assertEquals(2 * 13, units.size(), units.toString());
    assertTrue(server.test(named).ok(), "the probe sends and commits in a container transaction");
    assertEquals(2 * 14, units.size());
  }

  @Test
  void aBrokerStoppedMidRunAndRestartedLosesAndDuplicatesNothing() throws Exception {
    CompiledPlan plan = MessageRuns.plan(20_000);
    List<Throwable> outageErrors = Collections.synchronizedList(new ArrayList<>());
    RunListener outage =
        MessageRuns.outageAt(
            "readings",
            5_000,
            () -> {
              broker.stop();
              Thread.sleep(1_500);
              broker.start();
            },
            outageErrors);
    MessageRuns.run(
        plan,
        factory.open(profile(), MessageRuns.context(plan, "run-j2")),
        MessageRuns.rate(8_000),
        outage);
    assertTrue(outageErrors.isEmpty(), "outage ran: " + outageErrors);
    Completeness c = Completeness.of(rows(drain("syngen.readings")));
    assertTrue(c.exactlyOnce(20_000), "every row exactly once after a restart: " + c);
  }

  @Test
  void aBrokerThatStaysDownFailsTheRunSayingHowFarItGot() {
    CompiledPlan plan = MessageRuns.plan(20_000);
    List<Throwable> outageErrors = Collections.synchronizedList(new ArrayList<>());
    RunListener outage = MessageRuns.outageAt("readings", 4_000, broker::stop, outageErrors);
    SinkException e =
        assertThrows(
            SinkException.class,
            () ->
                MessageRuns.run(
                    plan,
                    factory.open(
                        profile("retry_timeout_ms", "2000"), MessageRuns.context(plan, "run-j3")),
                    MessageRuns.rate(8_000),
                    outage));
    assertTrue(
        e.getMessage()
            .matches(
                "(?s)jms queue 'syngen.readings': \\d+ rows of entity 'readings' were committed.*gave up.*"),
        e.getMessage());
  }

  @Test
  void nonPersistentTopicAndTestAndValidation() throws Exception {
    CompiledPlan plan = MessageRuns.plan(500);
    MessageRuns.run(
        plan,
        factory.open(
            profile("persistent", "false", "transacted", "false", "destination", "q.{entity}"),
            MessageRuns.context(plan, "run-j4")),
        Traffic.UNLIMITED,
        RunListener.NONE);
    assertTrue(Completeness.of(rows(drain("q.readings"))).exactlyOnce(500));
    TargetTestResult ok = factory.test(profile());
    assertTrue(ok.ok(), ok.error());
    assertTrue(ok.serverVersion().contains("ActiveMQ"), ok.serverVersion());
    TargetTestResult down =
        factory.test(new TargetProfile("j", "j", "jms", "tcp://127.0.0.1:1", null, Map.of()));
    assertFalse(down.ok());
    dev.syngen.core.problem.Problems p = new dev.syngen.core.problem.Problems();
    factory.validate(
        new TargetProfile(
            "j", "j", "jms", "tcp://x:1", null, Map.of("destination_type", "bus", "persist", "1")),
        p);
    assertEquals(
        List.of("options.destination_type", "options.persist"),
        p.list().stream().map(dev.syngen.core.problem.Problem::path).sorted().toList());
  }
}
