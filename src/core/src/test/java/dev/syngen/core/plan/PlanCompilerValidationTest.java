package dev.syngen.core.plan;

import static dev.syngen.core.Fixtures.col;
import static dev.syngen.core.Fixtures.gen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.Scenario;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One compile attempt shows every problem of a scenario, each with its path and a fix. */
class PlanCompilerValidationTest {

  private static Scenario brokenScenario() {
    Entity a =
        new Entity(
            "a",
            "drop table;",
            10,
            List.of(
                col("x", ColumnType.INT, gen("unifrom_int", "min", 1, "max", 2)),
                col("y", ColumnType.INT, gen("uniform_int", "min", 10, "max", 1)),
                col(
                    "z",
                    ColumnType.STRING,
                    gen("choice", "values", List.of("p", "q", "r"), "weights", List.of(1, 2))),
                col("z", ColumnType.STRING, gen("uuid4")),
                col("u", ColumnType.UUID, gen("uniform_float", "min", 0, "max", 1)),
                col("w", ColumnType.INT, gen("uniform_int", "min", 1, "max", 2, "bogus", 3))));
    Entity duplicate =
        new Entity("a", "t1", 10, List.of(col("id", ColumnType.INT, gen("sequence"))));
    Entity b =
        new Entity(
            "b",
            "t1",
            0,
            List.of(
                col("p", ColumnType.BIGINT, gen("fk", "entity", "nope", "column", "id")),
                col("q", ColumnType.BIGINT, gen("fk", "entity", "e", "column", "nope"))));
    Entity c =
        Fixtures.entity(
            "c",
            10,
            col("id", ColumnType.BIGINT, gen("sequence")),
            col("d_id", ColumnType.BIGINT, gen("fk", "entity", "d", "column", "id")));
    Entity d =
        Fixtures.entity(
            "d",
            10,
            col("id", ColumnType.BIGINT, gen("sequence")),
            col("c_id", ColumnType.BIGINT, gen("fk", "entity", "c", "column", "id")));
    Entity e = Fixtures.entity("e", 10, col("id", ColumnType.BIGINT, gen("sequence")));
    return Fixtures.scenario(a, duplicate, b, c, d, e);
  }

  @Test
  void reportsEveryProblemAtOnceWithPathsAndFixes() {
    ValidationException ex =
        assertThrows(ValidationException.class, () -> Fixtures.compile(brokenScenario(), 1));
    Map<String, List<Problem>> byPath =
        ex.problems().stream().collect(Collectors.groupingBy(Problem::path));
    List<String> expected =
        List.of(
            "entities[0].target_table",
            "entities[0].columns[0].generator.type",
            "entities[0].columns[1].generator.params.max",
            "entities[0].columns[2].generator.params.weights",
            "entities[0].columns[3].name",
            "entities[0].columns[4].generator.type",
            "entities[0].columns[5].generator.params.bogus",
            "entities[1].name",
            "entities[2].target_table",
            "entities[2].rows",
            "entities[2].columns[0].generator.params.entity",
            "entities[2].columns[1].generator.params.column");
    List<String> missing = expected.stream().filter(p -> !byPath.containsKey(p)).toList();
    assertTrue(missing.isEmpty(), "missing problems " + missing + " in:\n" + ex.getMessage());
    assertTrue(
        ex.problems().stream()
            .anyMatch(
                p ->
                    (p.path().equals("entities[3]") || p.path().equals("entities[4]"))
                        && p.message().contains("cycle")),
        "the fk cycle c <-> d is not reported:\n" + ex.getMessage());
    for (Problem p : ex.problems()) {
      assertFalse(p.fix() == null || p.fix().isBlank(), "problem without a fix: " + p);
      assertFalse(p.message() == null || p.message().isBlank(), "problem without a message: " + p);
    }
    assertTrue(
        byPath
            .get("entities[0].columns[0].generator.type")
            .get(0)
            .fix()
            .contains("did you mean 'uniform_int'"),
        "no 'did you mean' hint: " + byPath.get("entities[0].columns[0].generator.type"));
    assertTrue(
        byPath.get("entities[0].columns[4].generator.type").get(0).message().contains("uuid"),
        "type mismatch does not name the column type");
    assertTrue(ex.getMessage().contains("entities[0].columns[1].generator.params.max"));
  }

  @Test
  void aProblemInOneEntityDoesNotHideProblemsInOthers() {
    Scenario s =
        Fixtures.scenario(
            Fixtures.entity("a", 10, col("x", ColumnType.INT, gen("uniform_int", "min", 3))),
            Fixtures.entity("b", 10, col("y", ColumnType.DOUBLE, gen("normal", "mean", 1))),
            Fixtures.entity(
                "c", 10, col("z", ColumnType.BIGINT, gen("fk", "entity", "a", "column", "x"))));
    ValidationException ex = assertThrows(ValidationException.class, () -> Fixtures.compile(s, 1));
    List<String> paths = ex.problems().stream().map(Problem::path).toList();
    assertTrue(paths.contains("entities[0].columns[0].generator.params.max"), paths.toString());
    assertTrue(paths.contains("entities[1].columns[0].generator.params.std"), paths.toString());
    // c's fk to the broken entity a is not an extra, misleading "no entity named 'a'" problem.
    assertEquals(2, paths.size(), ex.getMessage());
  }

  @Test
  void aSelfReferenceIsACycleAndOnlyThat() {
    Scenario s =
        Fixtures.scenario(
            Fixtures.entity(
                "node",
                10,
                col("id", ColumnType.BIGINT, gen("sequence")),
                col("parent_id", ColumnType.BIGINT, gen("fk", "entity", "node", "column", "id"))));
    ValidationException ex = assertThrows(ValidationException.class, () -> Fixtures.compile(s, 1));
    assertEquals(1, ex.problems().size(), ex.getMessage());
    assertEquals("entities[0]", ex.problems().get(0).path());
    assertTrue(ex.problems().get(0).message().contains("node -> node"), ex.getMessage());
  }

  @Test
  void rejectsValuesOutsideAnIntColumn() {
    Scenario s =
        Fixtures.scenario(
            Fixtures.entity(
                "t",
                10,
                col("a", ColumnType.INT, gen("uniform_int", "min", 0, "max", 5_000_000_000L)),
                col("b", ColumnType.INT, gen("const", "value", 5_000_000_000L))));
    ValidationException ex = assertThrows(ValidationException.class, () -> Fixtures.compile(s, 1));
    List<String> paths = ex.problems().stream().map(Problem::path).toList();
    assertTrue(paths.contains("entities[0].columns[0].generator.params"), paths.toString());
    assertTrue(paths.contains("entities[0].columns[1].generator.params.value"), paths.toString());
  }

  @Test
  void compileIntoProblemsReturnsNullInsteadOfThrowing() {
    dev.syngen.core.problem.Problems problems = new dev.syngen.core.problem.Problems();
    CompiledPlan plan = Fixtures.COMPILER.compile(brokenScenario(), RunOverrides.NONE, problems);
    assertEquals(null, plan);
    assertFalse(problems.isEmpty());
  }
}
