package dev.syngen.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.scenario.ScenarioMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdHocRequestTest {
  private static final Map<String, Object> ENTITY =
      Map.of(
          "name",
          "orders",
          "columns",
          List.of(Map.of("name", "id", "type", "bigint", "generator", Map.of("type", "sequence"))));

  @Test
  void parsesAnInlineEntityIntoAOneEntityScenario() {
    Problems problems = new Problems();
    AdHocRequest r =
        AdHocRequest.parse(
            Map.of("entity", ENTITY, "count", new BigDecimal("25"), "seed", 7), 100, problems);
    assertTrue(problems.isEmpty(), problems.list().toString());
    assertEquals(25, r.count());
    assertEquals(7L, r.seed());
    Problems p2 = new Problems();
    Scenario s = ScenarioMapper.map(r.scenario(), "adhoc", p2);
    CompiledPlan plan = new AdHocPlanner(new PlanCompiler(GeneratorRegistry.builtins())).plan(s, r);
    assertEquals(1, plan.included().size());
    assertEquals(25, plan.included().get(0).rows());
  }

  @Test
  void reportsEveryFieldProblemTogether() {
    Problems problems = new Problems();
    AdHocRequest r =
        AdHocRequest.parse(
            Map.of("colour", "red", "count", 0, "as_of", "yesterday", "seed", 1.5), 100, problems);
    assertNull(r);
    List<String> paths = problems.list().stream().map(Problem::path).toList();
    assertTrue(
        paths.containsAll(List.of("colour", "scenario", "count", "as_of", "seed")),
        paths.toString());
    Problems tooMany = new Problems();
    AdHocRequest.parse(Map.of("scenario_id", "x", "count", 101), 100, tooMany);
    assertEquals("count", tooMany.list().get(0).path());
  }

  @Test
  void llmMayOnlyBeOfflineAndOnlineNamesARunAsTheWayToAskAProvider() {
    Problems offline = new Problems();
    AdHocRequest.parse(Map.of("entity", ENTITY, "count", 1, "llm", "offline"), 100, offline);
    assertTrue(offline.isEmpty(), offline.list().toString());
    Problems online = new Problems();
    assertNull(
        AdHocRequest.parse(Map.of("entity", ENTITY, "count", 1, "llm", "online"), 100, online));
    Problem p = online.list().get(0);
    assertEquals("llm", p.path());
    assertTrue(p.message().contains("LLM cache only"), p.message());
    assertTrue(p.fix().contains("POST /api/v1/runs"), p.fix());
    Problems other = new Problems();
    AdHocRequest.parse(Map.of("entity", ENTITY, "count", 1, "llm", 3), 100, other);
    assertTrue(other.list().get(0).message().contains("got 3"), other.list().toString());
  }

  @Test
  void aScenarioWithSeveralEntitiesNeedsTheEntityNamed() {
    Problems problems = new Problems();
    Map<String, Object> scenario =
        Map.of(
            "name",
            "two",
            "entities",
            List.of(
                Map.of(
                    "name",
                    "a",
                    "rows",
                    3,
                    "columns",
                    List.of(
                        Map.of(
                            "name",
                            "id",
                            "type",
                            "bigint",
                            "generator",
                            Map.of("type", "sequence")))),
                Map.of(
                    "name",
                    "b",
                    "rows",
                    3,
                    "columns",
                    List.of(
                        Map.of(
                            "name",
                            "a_id",
                            "type",
                            "bigint",
                            "generator",
                            Map.of(
                                "type", "fk", "params", Map.of("entity", "a", "column", "id")))))));
    AdHocRequest r = AdHocRequest.parse(Map.of("scenario", scenario, "count", 5), 100, problems);
    Scenario s = ScenarioMapper.map(r.scenario(), "adhoc", problems);
    AdHocPlanner planner = new AdHocPlanner(new PlanCompiler(GeneratorRegistry.builtins()));
    ValidationException e = assertThrows(ValidationException.class, () -> planner.plan(s, r));
    assertEquals("entity", e.problems().get(0).path());
    AdHocRequest named =
        AdHocRequest.parse(
            Map.of("scenario", scenario, "entity", "b", "count", 5), 100, new Problems());
    CompiledPlan plan = planner.plan(s, named);
    assertEquals(List.of("b"), plan.included().stream().map(CompiledEntity::name).toList());
    assertEquals(5, plan.included().get(0).rows());
  }

  private static final Map<String, Object> SCHEMA = schema();

  private static Map<String, Object> schema() {
    Map<String, Object> props = new java.util.LinkedHashMap<>();
    props.put("sku", Map.of("type", "string", "pattern", "^[A-Z]{3}-[0-9]{4}$"));
    props.put("qty", Map.of("type", "integer", "minimum", 1, "maximum", 9));
    return Map.of("type", "object", "required", List.of("sku"), "properties", props);
  }

  @Test
  void aSchemaBecomesAOneEntityScenarioOfItsProperties() {
    Problems problems = new Problems();
    AdHocRequest r = AdHocRequest.parse(Map.of("schema", SCHEMA, "count", 5), 100, problems);
    assertTrue(problems.isEmpty(), problems.list().toString());
    Problems p2 = new Problems();
    Scenario s = r.inlineScenario(p2);
    assertTrue(p2.isEmpty(), p2.list().toString());
    CompiledPlan plan = new AdHocPlanner(new PlanCompiler(GeneratorRegistry.builtins())).plan(s, r);
    assertEquals(AdHocRequest.SCHEMA_ENTITY, plan.included().get(0).name());
    assertEquals(5, plan.included().get(0).rows());
    assertEquals(
        List.of("sku", "qty"),
        plan.included().get(0).columns().stream().map(CompiledColumn::name).toList());
  }

  @Test
  void aSchemaIsGivenAloneAndItsProblemsCarryTheirPointer() {
    Problems both = new Problems();
    AdHocRequest.parse(Map.of("schema", SCHEMA, "scenario_id", "x", "count", 5), 100, both);
    assertEquals("schema", both.list().get(0).path());
    assertTrue(both.list().get(0).fix().contains("exactly one of"));
    Problems notAnObject = new Problems();
    AdHocRequest.parse(Map.of("schema", "order.json", "count", 5), 100, notAnObject);
    assertEquals("must be a JSON Schema object", notAnObject.list().get(0).message());
    Problems parsed = new Problems();
    AdHocRequest r =
        AdHocRequest.parse(
            Map.of(
                "schema",
                Map.of("type", "object", "properties", Map.of("a", Map.of("anyOf", List.of()))),
                "count",
                5),
            100,
            parsed);
    Problems mapped = new Problems();
    r.inlineScenario(mapped);
    assertEquals("schema#/properties/a/anyOf", mapped.list().get(0).path());
  }
}
