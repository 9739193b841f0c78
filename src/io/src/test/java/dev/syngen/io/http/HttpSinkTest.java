package dev.syngen.io.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.engine.RunListener;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.sink.PayloadShape;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import dev.syngen.core.traffic.Traffic;
import dev.syngen.io.brokers.HttpReceiver;
import dev.syngen.io.message.MessageRuns;
import dev.syngen.io.message.MessageRuns.Completeness;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP target against an in-test receiver. */
class HttpSinkTest {
  private HttpReceiver receiver;
  private final HttpSinkFactory factory = new HttpSinkFactory();

  @BeforeEach
  void start() throws Exception {
    receiver = new HttpReceiver().start();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  private TargetProfile profile(String... options) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < options.length; i += 2) {
      m.put(options[i], options[i + 1]);
    }
    return new TargetProfile("h", "h", "http", receiver.url(), null, m);
  }

  /** Row indexes of the accepted record batches of an entity, from each batch's first row. */
  private List<Long> rows(String entity) {
    List<Long> rows = new ArrayList<>();
    for (HttpReceiver.Request r : receiver.accepted()) {
      if (entity.equals(r.header("syngen-entity")) && "record".equals(r.header("syngen-kind"))) {
        long first = Long.parseLong(r.header("syngen-row"));
        long lines = r.text().lines().count();
        assertEquals(Long.parseLong(r.header("syngen-row-count")), lines);
        for (long i = 0; i < lines; i++) {
          rows.add(first + i);
        }
      }
    }
    return rows;
  }

  @Test
  void postsNdjsonBatchesWithHeadersAndRetriesServerErrors() {
    receiver.failNext(3);
    CompiledPlan plan = MessageRuns.plan(5_000);
    MessageRuns.run(
        plan,
        factory.open(
            profile("header.Authorization", "Bearer t0k3n", "retry_backoff_ms", "10"),
            MessageRuns.traced(plan, "run-h1")),
        Traffic.UNLIMITED,
        RunListener.NONE);
    assertTrue(Completeness.of(rows("readings")).exactlyOnce(5_000));
    HttpReceiver.Request first = receiver.accepted().get(0);
    assertEquals("application/x-ndjson", first.header("Content-Type"));
    assertEquals("Bearer t0k3n", first.header("Authorization"));
    assertEquals("run-h1", first.header("syngen-run-id"));
    assertEquals(MessageRuns.TRACEPARENT, first.header("traceparent"));
    HttpReceiver.Request end =
        receiver.accepted().stream()
            .filter(r -> "end-of-entity".equals(r.header("syngen-kind")))
            .filter(r -> "readings".equals(r.header("syngen-entity")))
            .findFirst()
            .orElseThrow();
    assertEquals("5000", end.header("syngen-row-count"));
    assertEquals(MessageRuns.TRACEPARENT, end.header("traceparent"));
  }

  @Test
  void jsonArraysAndPaddedPayloads() {
    CompiledPlan plan = MessageRuns.plan(100);
    MessageRuns.run(
        plan,
        factory.open(
            profile("format", "json_array"),
            MessageRuns.context(plan, "run-h2").withPayload(new PayloadShape(300, null, false))),
        Traffic.UNLIMITED,
        RunListener.NONE);
    HttpReceiver.Request batch =
        receiver.accepted().stream()
            .filter(r -> "readings".equals(r.header("syngen-entity")))
            .findFirst()
            .orElseThrow();
    assertEquals("application/json", batch.header("Content-Type"));
    String body = batch.text();
    assertTrue(body.startsWith("[{\"reading_id\":1,") && body.endsWith("}]"), body);
    assertEquals(100 * 300 + 99 + 2, body.length(), "100 records of exactly 300 bytes");
  }

  @Test
  void aReceiverDownMidRunAndBackLosesNothingAndDropsResentBatches() {
    CompiledPlan plan = MessageRuns.plan(20_000);
    List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    RunListener outage =
        MessageRuns.outageAt(
            "readings",
            5_000,
            () -> {
              receiver.stop();
              Thread.sleep(1_500);
              receiver.start();
            },
            errors);
    MessageRuns.run(
        plan,
        factory.open(profile("retry_backoff_ms", "100"), MessageRuns.context(plan, "run-h3")),
        MessageRuns.rate(8_000),
        outage);
    assertTrue(errors.isEmpty(), errors.toString());
    Completeness c = Completeness.of(rows("readings"));
    assertTrue(c.exactlyOnce(20_000), c.toString());
  }

  @Test
  void aReceiverThatStaysDownFailsSayingHowFarItGot() {
    CompiledPlan plan = MessageRuns.plan(20_000);
    List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    RunListener outage = MessageRuns.outageAt("readings", 4_000, receiver::stop, errors);
    SinkException e =
        assertThrows(
            SinkException.class,
            () ->
                MessageRuns.run(
                    plan,
                    factory.open(
                        profile("retries", "2", "retry_backoff_ms", "50"),
                        MessageRuns.context(plan, "run-h4")),
                    MessageRuns.rate(8_000),
                    outage));
    assertTrue(
        e.getMessage()
            .matches(
                "(?s)http POST to .*: \\d+ records of entity 'readings' were accepted before a batch failed \\(retried up to 2 times.*"),
        e.getMessage());
  }

  @Test
  void aClientErrorIsNotRetried() {
    TargetProfile p =
        new TargetProfile(
            "h", "h", "http", receiver.url().replace("/ingest", "/nope"), null, Map.of());
    CompiledPlan plan = MessageRuns.plan(10);
    SinkException e =
        assertThrows(
            SinkException.class,
            () ->
                MessageRuns.run(
                    plan,
                    factory.open(p, MessageRuns.context(plan, "r")),
                    Traffic.UNLIMITED,
                    RunListener.NONE));
    assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
  }

  @Test
  void targetTestAndValidation() {
    TargetTestResult ok = factory.test(profile());
    assertTrue(ok.ok(), ok.error());
    receiver.stop();
    assertFalse(factory.test(profile()).ok());
    dev.syngen.core.problem.Problems p = new dev.syngen.core.problem.Problems();
    factory.validate(
        new TargetProfile(
            "h",
            "h",
            "http",
            "ftp://x",
            null,
            Map.of("header.Content-Length", "1", "format", "xml")),
        p);
    assertEquals(
        List.of("dsn", "options.format", "options.header.Content-Length"),
        p.list().stream().map(dev.syngen.core.problem.Problem::path).sorted().toList());
  }
}
