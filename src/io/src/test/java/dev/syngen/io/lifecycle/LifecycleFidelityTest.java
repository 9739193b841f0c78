package dev.syngen.io.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.engine.CancelToken;
import dev.syngen.core.engine.RunEngine;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.fidelity.Band;
import dev.syngen.core.fidelity.Check;
import dev.syngen.core.fidelity.FidelityReport;
import dev.syngen.core.fidelity.FidelityValidator;
import dev.syngen.core.fidelity.RunFidelity;
import dev.syngen.core.fidelity.TableSource;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.scenario.Expectations;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.traffic.Speed;
import dev.syngen.core.traffic.Traffic;
import dev.syngen.core.traffic.TrafficMode;
import dev.syngen.io.TableSources;
import dev.syngen.io.Targets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fidelity knows lifecycles: clean histories are GO (written instance by instance or merged in
 * event-time order); a skipped state and a wrong transition share planted in the events file are
 * NO-GO, naming what broke.
 */
class LifecycleFidelityTest {
  @TempDir Path dir;

  private TargetProfile target() {
    return new TargetProfile("ndjson", "ndjson", "ndjson", dir.toString(), null, null);
  }

  private void generate(Traffic traffic) {
    CompiledPlan plan =
        new PlanCompiler(GeneratorRegistry.builtins())
            .compile(Lifecycles.scenario("orders"), RunOverrides.NONE.withSeed(7L));
    try (Sink sink = Targets.builtins().open(target())) {
      new RunEngine(2, 1000, traffic)
          .run(
              plan,
              sink,
              TableMode.TRUNCATE_THEN_INSERT,
              Map.of(),
              RunListener.NONE,
              new CancelToken());
    }
  }

  private FidelityReport check() {
    try (TableSource source = TableSources.open(target())) {
      return new RunFidelity(GeneratorRegistry.builtins(), Clock.systemUTC())
          .check(
              Lifecycles.scenario("orders"),
              RunOverrides.NONE.withSeed(7L),
              null,
              Expectations.NONE,
              source,
              "ndjson",
              new FidelityValidator.Options(Band.NORMAL, 0.01, 20_000, 9));
    }
  }

  private static void assertGo(FidelityReport r) {
    assertEquals(FidelityReport.Verdict.GO, r.verdict(), String.join("\n", r.reasons()));
    List<String> kinds = r.checks().stream().map(Check::kind).toList();
    for (String k : List.of("lifecycle_order", "transition_shares", "dwell_time")) {
      assertTrue(kinds.contains(k), k + " not among " + kinds);
    }
    assertTrue(
        r.checks().stream()
            .anyMatch(
                c ->
                    c.kind().equals("terminal_shares")
                        && c.status() == Check.Status.SKIP
                        && c.message().contains("depend on the instance's columns")),
        "terminal shares are skipped: paid's branches are conditional");
    assertTrue(
        r.checks().stream()
            .anyMatch(
                c ->
                    c.kind().equals("transition_shares")
                        && c.subject().equals("orders_events from created")
                        && c.status() == Check.Status.PASS));
    assertTrue(
        r.checks().stream()
            .anyMatch(c -> c.kind().equals("dwell_time") && c.status() == Check.Status.PASS));
  }

  private static void assertNoGo(FidelityReport r, String expected) {
    assertEquals(FidelityReport.Verdict.NO_GO, r.verdict());
    assertTrue(
        r.reasons().stream().anyMatch(x -> x.contains(expected)),
        expected + " not in " + r.reasons());
  }

  private void rewrite(String from, String to, int everyNth) throws IOException {
    Path events = dir.resolve("orders_events.ndjson");
    List<String> out = new ArrayList<>();
    int seen = 0;
    for (String line : Files.readAllLines(events)) {
      if (line.contains(from) && seen++ % everyNth == 0) {
        line = line.replace(from, to);
      }
      out.add(line);
    }
    Files.write(events, out);
  }

  @Test
  void cleanHistoriesAreGoInInstanceAndEventTimeOrder() {
    generate(Traffic.UNLIMITED);
    assertGo(check());
    generate(
        new Traffic(
            null, TrafficMode.STEADY, Duration.ofSeconds(1), null, null, 0, false, Speed.MAX));
    assertGo(check());
  }

  @Test
  void aSkippedStateIsNoGo() throws IOException {
    generate(Traffic.UNLIMITED);
    // some orders go straight from created to shipped: the paid event is relabelled
    rewrite(
        "\"from_state\":\"created\",\"to_state\":\"paid\"",
        "\"from_state\":\"created\",\"to_state\":\"shipped\"",
        10);
    assertNoGo(check(), "created → shipped");
  }

  @Test
  void aWrongTransitionShareIsNoGo() throws IOException {
    generate(Traffic.UNLIMITED);
    // half of the cancellations become payments: 90/10 instead of the declared 80/20
    rewrite("\"to_state\":\"cancelled\"", "\"to_state\":\"paid\"", 2);
    assertNoGo(check(), "orders_events from created");
  }
}
