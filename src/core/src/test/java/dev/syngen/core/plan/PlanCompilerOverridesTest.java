package dev.syngen.core.plan;

import static dev.syngen.core.Fixtures.AS_OF;
import static dev.syngen.core.Fixtures.col;
import static dev.syngen.core.Fixtures.entity;
import static dev.syngen.core.Fixtures.gen;
import static dev.syngen.core.Fixtures.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Run overrides: row counts, entity selection, seed and as_of, and what they do to the hash. */
class PlanCompilerOverridesTest {

  private static Entity plain(String name, long rows) {
    return entity(name, rows, col("id", ColumnType.BIGINT, gen("sequence")));
  }

  private static Entity child(String name, long rows, String... parents) {
    List<dev.syngen.core.scenario.Column> cols = new java.util.ArrayList<>();
    cols.add(col("id", ColumnType.BIGINT, gen("sequence")));
    for (String p : parents) {
      cols.add(col(p + "_id", ColumnType.BIGINT, gen("fk", "entity", p, "column", "id")));
    }
    return new Entity(name, name, rows, cols);
  }

  private static RunOverrides overrides(
      Double scale,
      Map<String, Double> scales,
      Map<String, Long> counts,
      List<String> include,
      List<String> exclude) {
    return new RunOverrides(1L, null, scale, scales, counts, include, exclude);
  }

  private static Map<String, Long> rows(CompiledPlan plan) {
    Map<String, Long> m = new java.util.LinkedHashMap<>();
    plan.entities().forEach(e -> m.put(e.name(), e.rows()));
    return m;
  }

  @Test
  void scaleRoundsAndNeverDropsBelowOneRow() {
    Scenario s = scenario(plain("a", 1000), plain("b", 2400), plain("c", 100), plain("d", 1500));
    CompiledPlan plan = Fixtures.COMPILER.compile(s, overrides(0.001, null, null, null, null));
    assertEquals(Map.of("a", 1L, "b", 2L, "c", 1L, "d", 2L), rows(plan));
    assertEquals(6, plan.totalRows());
  }

  @Test
  void countsResolveScenarioThenScaleThenEntityScaleThenExplicitCount() {
    Scenario s = scenario(plain("a", 1000), plain("b", 1000), plain("c", 1000), plain("d", 1000));
    CompiledPlan plan =
        Fixtures.COMPILER.compile(
            s, overrides(0.5, Map.of("b", 0.1, "c", 0.1), Map.of("c", 7L, "d", 3L), null, null));
    assertEquals(Map.of("a", 500L, "b", 50L, "c", 7L, "d", 3L), rows(plan));
    CompiledPlan unscaled = Fixtures.compile(s, 1);
    assertEquals(Map.of("a", 1000L, "b", 1000L, "c", 1000L, "d", 1000L), rows(unscaled));
  }

  @Test
  void scaledParentsBoundTheirChildrensForeignKeys() {
    Scenario s = scenario(plain("customers", 1000), child("orders", 1000, "customers"));
    CompiledPlan plan =
        Fixtures.COMPILER.compile(s, overrides(null, null, Map.of("customers", 5L), null, null));
    CompiledColumn fk = Fixtures.column(plan, "orders", "customers_id");
    for (int row = 0; row < 1000; row++) {
      long v = fk.generator().longAt(fk.key(), row);
      assertTrue(v >= 1 && v <= 5, "fk refers to customer " + v + " of 5");
    }
  }

  @Test
  void unknownAndInvalidOverridesAreAllRejected() {
    Scenario s = scenario(plain("a", 10), plain("b", 10));
    ValidationException ex =
        assertThrows(
            ValidationException.class,
            () ->
                Fixtures.COMPILER.compile(
                    s,
                    overrides(
                        0.0,
                        Map.of("nope", 2.0, "b", -1.0),
                        Map.of("ghost", 5L, "a", 0L),
                        List.of("a", "missing"),
                        List.of("a", "absent"))));
    List<String> paths = ex.problems().stream().map(Problem::path).toList();
    for (String p :
        List.of(
            "scale",
            "entity_scales.nope",
            "entity_scales.b",
            "entity_counts.ghost",
            "entity_counts.a",
            "include_entities",
            "exclude_entities")) {
      assertTrue(paths.contains(p), "no problem at " + p + " in " + paths);
    }
    assertTrue(
        ex.problems().stream().anyMatch(p -> p.message().contains("'missing'")), ex.getMessage());
    assertTrue(
        ex.problems().stream().anyMatch(p -> p.message().contains("'absent'")), ex.getMessage());
    assertTrue(
        ex.problems().stream().anyMatch(p -> p.message().contains("both included and excluded")),
        ex.getMessage());
    ex.problems().forEach(p -> assertFalse(p.fix() == null || p.fix().isBlank(), p.toString()));
  }

  @Test
  void excludingEveryEntityIsRejected() {
    Scenario s = scenario(plain("a", 10), plain("b", 10));
    ValidationException ex =
        assertThrows(
            ValidationException.class,
            () ->
                Fixtures.COMPILER.compile(s, overrides(null, null, null, null, List.of("a", "b"))));
    assertTrue(ex.getMessage().contains("excludes every entity"), ex.getMessage());
  }

  @Test
  void warnsWhenAChildRunsWithoutItsParent() {
    Scenario s = scenario(plain("customers", 10), child("orders", 10, "customers"));
    CompiledPlan excluded =
        Fixtures.COMPILER.compile(s, overrides(null, null, null, null, List.of("customers")));
    CompiledPlan included =
        Fixtures.COMPILER.compile(s, overrides(null, null, null, List.of("orders"), null));
    for (CompiledPlan plan : List.of(excluded, included)) {
      assertEquals(List.of("orders"), plan.included().stream().map(CompiledEntity::name).toList());
      assertEquals(2, plan.entities().size(), "the excluded parent must still be compiled");
      assertTrue(
          plan.warnings().stream().anyMatch(w -> w.contains("parent 'customers' is excluded")),
          "no warning in " + plan.warnings());
    }
    assertTrue(Fixtures.compile(s, 1).warnings().isEmpty());
  }

  @Test
  void warnsWhenUniqueIsNotGuaranteed() {
    Scenario s =
        scenario(
            new Entity(
                "t",
                "t",
                10,
                List.of(
                    new dev.syngen.core.scenario.Column(
                        "code",
                        ColumnType.INT,
                        false,
                        0,
                        true,
                        gen("choice", "values", List.of(1, 2, 3))),
                    new dev.syngen.core.scenario.Column(
                        "id", ColumnType.UUID, false, 0, true, gen("uuid4")))));
    List<String> warnings = Fixtures.compile(s, 1).warnings();
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("t.code"), warnings.toString());
  }

  @Test
  void configHashIsStableAndTracksSeedAsOfAndScale() {
    Scenario s = scenario(plain("customers", 100), child("orders", 300, "customers"));
    RunOverrides base = new RunOverrides(7L, AS_OF, null, null, null, null, null);
    String hash = Fixtures.COMPILER.compile(s, base).configHash();
    assertTrue(hash.matches("[0-9a-f]{64}"), hash);
    assertEquals(hash, Fixtures.COMPILER.compile(s, base).configHash());
    assertEquals(
        hash,
        Fixtures.COMPILER
            .compile(scenario(plain("customers", 100), child("orders", 300, "customers")), base)
            .configHash(),
        "an equal scenario built anew must hash the same");
    assertNotEquals(hash, Fixtures.COMPILER.compile(s, base.withSeed(8L)).configHash());
    assertNotEquals(
        hash,
        Fixtures.COMPILER
            .compile(s, base.withAsOf(AS_OF.plus(Duration.ofSeconds(1))))
            .configHash());
    assertNotEquals(
        hash,
        Fixtures.COMPILER
            .compile(s, new RunOverrides(7L, AS_OF, 2.0, null, null, null, null))
            .configHash());
    assertNotEquals(
        hash,
        Fixtures.COMPILER
            .compile(s, new RunOverrides(7L, AS_OF, null, null, null, null, List.of("orders")))
            .configHash());
  }

  @Test
  void seedAndAsOfComeFromOverridesThenScenario() {
    Scenario s = new Scenario("id", "n", "1", null, 99L, AS_OF, List.of(plain("a", 1)));
    CompiledPlan fromScenario = Fixtures.COMPILER.compile(s, RunOverrides.NONE);
    assertEquals(99L, fromScenario.seed());
    assertEquals(AS_OF, fromScenario.asOf());
    Instant other = Instant.parse("2020-02-02T00:00:00Z");
    CompiledPlan overridden =
        Fixtures.COMPILER.compile(s, RunOverrides.NONE.withSeed(5L).withAsOf(other));
    assertEquals(5L, overridden.seed());
    assertEquals(other, overridden.asOf());
  }

  @Test
  void dependencyOrderPutsParentsFirstAndKeepsScenarioOrderOtherwise() {
    Scenario s =
        scenario(
            child("line_items", 10, "orders", "products"),
            plain("zeta", 10),
            child("orders", 10, "customers"),
            plain("products", 10),
            plain("customers", 10));
    List<String> order =
        Fixtures.compile(s, 1).entities().stream().map(CompiledEntity::name).toList();
    assertEquals(5, order.size());
    assertTrue(order.indexOf("customers") < order.indexOf("orders"), order.toString());
    assertTrue(order.indexOf("orders") < order.indexOf("line_items"), order.toString());
    assertTrue(order.indexOf("products") < order.indexOf("line_items"), order.toString());
    assertTrue(order.indexOf("line_items") < order.indexOf("zeta"), order.toString());
  }
}
