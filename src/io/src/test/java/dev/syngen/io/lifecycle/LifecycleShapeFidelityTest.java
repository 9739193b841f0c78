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
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.scenario.Expectations;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.traffic.Traffic;
import dev.syngen.io.TableSources;
import dev.syngen.io.Targets;
import dev.syngen.io.yaml.ScenarioFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fidelity of shaped dwells: a shaped state's dwell is measured on its shape's clock, so clean
 * histories pass the KS test against the declared law (GO); a different dwell law on the same shape
 * fails it, and stays planted in an hour of weight 0 fail the shape check (NO-GO).
 */
class LifecycleShapeFidelityTest {
  @TempDir Path dir;

  private TargetProfile target() {
    return new TargetProfile("ndjson", "ndjson", "ndjson", dir.toString(), null, null);
  }

  private void generate(Scenario scenario) {
    try (Sink sink = Targets.builtins().open(target())) {
      new RunEngine(2, 1000, Traffic.UNLIMITED)
          .run(
              new PlanCompiler(GeneratorRegistry.builtins())
                  .compile(scenario, RunOverrides.NONE.withSeed(7L)),
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
              Lifecycles.scenario("shaped"),
              RunOverrides.NONE.withSeed(7L),
              null,
              Expectations.NONE,
              source,
              "ndjson",
              new FidelityValidator.Options(Band.NORMAL, 0.01, 20_000, 9));
    }
  }

  private static Check.Status status(FidelityReport r, String kind, String subject) {
    return r.checks().stream()
        .filter(c -> c.kind().equals(kind) && c.subject().equals(subject))
        .map(Check::status)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " on " + subject));
  }

  private static void assertNoGo(FidelityReport r, String expected) {
    assertEquals(FidelityReport.Verdict.NO_GO, r.verdict());
    assertTrue(
        r.reasons().stream().anyMatch(x -> x.contains(expected)),
        expected + " not in " + r.reasons());
  }

  @Test
  void shapedDwellsAreGoOnTheShapesClock() {
    generate(Lifecycles.scenario("shaped"));
    FidelityReport r = check();
    assertEquals(FidelityReport.Verdict.GO, r.verdict(), String.join("\n", r.reasons()));
    for (String state : List.of("open", "escalated")) {
      assertEquals(Check.Status.PASS, status(r, "dwell_time", "tickets_events in " + state));
      assertEquals(Check.Status.PASS, status(r, "dwell_shape", "tickets_events leaving " + state));
    }
  }

  @Test
  void anotherDwellLawOnTheSameShapeIsNoGo() {
    // the agents take 8 h of office time on average instead of the declared 6
    generate(
        ScenarioFiles.parse(
            Lifecycles.yaml("shaped")
                .replace(
                    "dwell: {type: exponential, params: {mean: 6}}",
                    "dwell: {type: exponential, params: {mean: 8}}"),
            "shaped"));
    FidelityReport r = check();
    assertNoGo(r, "tickets_events in open");
    assertEquals(Check.Status.PASS, status(r, "dwell_shape", "tickets_events leaving open"));
  }

  @Test
  void staysEndingInAnHourOfWeightZeroAreNoGo() throws IOException {
    generate(Lifecycles.scenario("shaped"));
    // every 20th ticket resolved from open is moved to 03:00 of its day
    Path events = dir.resolve("tickets_events.ndjson");
    List<String> out = new ArrayList<>();
    int seen = 0;
    for (String line : Files.readAllLines(events)) {
      if (line.contains("\"from_state\":\"open\",\"to_state\":\"resolved\"") && seen++ % 20 == 0) {
        line = line.replaceFirst("(\"event_time\":\"\\d{4}-\\d\\d-\\d\\dT)\\d\\d:", "$103:");
      }
      out.add(line);
    }
    Files.write(events, out);
    assertNoGo(check(), "tickets_events leaving open");
  }
}
