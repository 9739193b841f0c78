package dev.syngen.core.request;

import static dev.syngen.core.Fixtures.col;
import static dev.syngen.core.Fixtures.entity;
import static dev.syngen.core.Fixtures.gen;
import static dev.syngen.core.Fixtures.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.syngen.core.Fixtures;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.traffic.TrafficRequest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunRulesTest {
  private static final Scenario SHOP =
      scenario(entity("orders", 100, col("id", ColumnType.BIGINT, gen("sequence"))));
  private static final RunOverrides SEEDED =
      new RunOverrides(7L, Fixtures.AS_OF, null, null, null, null, null);

  private static RunRules rules(long maxRows) {
    return new RunRules(
        Fixtures.COMPILER,
        GeneratorRegistry.builtins(),
        new RunRules.Limits(Set.of("kafka"), t -> null, maxRows, "syngen.runs.max-rows"));
  }

  private static TargetProfile target(String id, String kind) {
    return new TargetProfile(id, id, kind, "dsn", null, null);
  }

  @Test
  void aRunWithinTheRulesGetsItsPlan() {
    Problems problems = new Problems();
    CompiledPlan plan =
        rules(1000)
            .plan(
                SHOP, "", SEEDED, null, TrafficRequest.NONE, List.of(target("a", "csv")), problems);
    assertEquals(List.of(), problems.list());
    assertNotNull(plan);
    assertEquals(100, plan.totalRows());
  }

  @Test
  void payloadShapingNeedsAMessageTargetAmongAllOfThem() {
    TrafficRequest sized = new TrafficRequest(null, null, null, null, null, "1KB", null, false);
    Problems problems = new Problems();
    rules(1000)
        .plan(
            SHOP,
            "",
            SEEDED,
            null,
            sized,
            List.of(target("a", "csv"), target("b", "nd")),
            problems);
    assertEquals(
        List.of("traffic.payload_size"), problems.list().stream().map(Problem::path).toList());
    assertEquals(
        "shapes message payloads, but none of the targets (a: csv, b: nd) carries messages",
        problems.list().get(0).message());

    Problems fine = new Problems();
    rules(1000)
        .plan(
            SHOP, "", SEEDED, null, sized, List.of(target("a", "csv"), target("k", "kafka")), fine);
    assertEquals(List.of(), fine.list());
  }

  @Test
  void aRunOverTheRowLimitIsRefusedWithTheSettingToChange() {
    Problems problems = new Problems();
    CompiledPlan plan =
        rules(99).plan(SHOP, "", SEEDED, null, TrafficRequest.NONE, List.of(), problems);
    assertNull(plan);
    assertEquals(
        List.of(
            new Problem(
                "scale",
                "the run would write 100 rows, more than the limit of 99",
                "lower scale or entity_counts (the limit is the setting syngen.runs.max-rows)")),
        problems.list());
  }

  @Test
  void badTrafficIsReportedAtItsRequestPathsAndNothingIsCompiled() {
    Problems problems = new Problems();
    CompiledPlan plan =
        rules(1000)
            .plan(
                SHOP,
                "",
                SEEDED,
                null,
                new TrafficRequest("fast", null, null, "burst", null, null, null, false),
                List.of(),
                problems);
    assertNull(plan);
    assertEquals(
        List.of("traffic.rate"), problems.list().stream().map(Problem::path).distinct().toList());
  }
}
