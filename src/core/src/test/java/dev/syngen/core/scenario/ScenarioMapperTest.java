package dev.syngen.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.problem.ValidationException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Shape errors of a parsed document are collected, each at its path, instead of stopping. */
class ScenarioMapperTest {

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Map<String, Problem> problemsOf(Object tree) {
    Problems problems = new Problems();
    ScenarioMapper.map(tree, "fallback", problems);
    return problems.list().stream()
        .collect(Collectors.toMap(Problem::path, p -> p, (a, b) -> a, LinkedHashMap::new));
  }

  @Test
  void mapsAValidDocument() {
    Object tree =
        map(
            "id", "shop",
            "name", "Shop",
            "version", 3,
            "seed", "42",
            "as_of", "2026-01-01",
            "entities",
                List.of(
                    map(
                        "name", "orders",
                        "rows", "1_000",
                        "columns",
                            List.of(
                                map("name", "id", "type", "uuid", "generator", "uuid4"),
                                map(
                                    "name",
                                    "note",
                                    "type",
                                    "TEXT",
                                    "null_rate",
                                    0.25,
                                    "generator",
                                    map("type", "faker_sentence", "params", map())),
                                map(
                                    "name",
                                    "qty",
                                    "type",
                                    "integer",
                                    "unique",
                                    true,
                                    "generator",
                                    map(
                                        "type",
                                        "uniform_int",
                                        "params",
                                        map("min", 1, "max", 9)))))));
    Problems problems = new Problems();
    Scenario s = ScenarioMapper.map(tree, "fallback", problems);
    assertTrue(problems.isEmpty(), problems.list().toString());
    assertEquals("shop", s.id());
    assertEquals("3", s.version());
    assertEquals(42L, s.seed());
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), s.asOf());
    Entity e = s.entity("orders");
    assertEquals("orders", e.targetTable(), "target_table defaults to the entity name");
    assertEquals(1000, e.rows());
    assertEquals(new GeneratorSpec("uuid4", Map.of()), e.column("id").generator());
    Column note = e.column("note");
    assertEquals(ColumnType.TEXT, note.type());
    assertTrue(note.nullable(), "a positive null_rate implies nullable");
    assertEquals(0.25, note.nullRate());
    Column qty = e.column("qty");
    assertEquals(ColumnType.INT, qty.type());
    assertTrue(qty.unique());
    assertEquals(Map.of("min", 1, "max", 9), qty.generator().params());
  }

  @Test
  void reportsTopLevelShapeErrorsTogether() {
    Map<String, Problem> p =
        problemsOf(
            map(
                "name", "x",
                "colour", "blue",
                "seed", "abc",
                "as_of", "yesterday",
                "entities", "orders"));
    assertEquals(
        List.of("colour", "seed", "as_of", "entities"), List.copyOf(p.keySet()), p.toString());
    assertTrue(p.get("colour").message().contains("unknown field 'colour'"));
    assertTrue(p.get("colour").fix().contains("entities"), "fix should list the known fields");
    assertTrue(p.get("entities").message().contains("list"));
  }

  @Test
  void reportsEntityAndColumnShapeErrorsTogether() {
    Object tree =
        map(
            "name",
            "x",
            "entities",
            List.of(
                map(
                    "name",
                    "orders",
                    "rows",
                    "abc",
                    "extra",
                    1,
                    "columns",
                    List.of(
                        map("name", "id", "type", "varchar9", "generator", "uuid4"),
                        map("name", "n", "type", "int"),
                        map(
                            "name",
                            "m",
                            "type",
                            "int",
                            "nullable",
                            false,
                            "null_rate",
                            0.5,
                            "generator",
                            map("type", "sequence", "parms", map())))),
                "not a mapping",
                map("name", "empty", "rows", 5, "columns", List.of())));
    Map<String, Problem> p = problemsOf(tree);
    List<String> expected =
        List.of(
            "entities[0].rows",
            "entities[0].extra",
            "entities[0].columns[0].type",
            "entities[0].columns[1].generator",
            "entities[0].columns[2].null_rate",
            "entities[0].columns[2].generator.parms",
            "entities[1]",
            "entities[2].columns");
    assertEquals(expected.size(), p.size(), p.toString());
    for (String path : expected) {
      assertTrue(p.containsKey(path), "no problem at " + path + " in " + p.keySet());
      assertFalse(p.get(path).fix().isBlank(), path);
    }
    assertTrue(p.get("entities[0].rows").message().contains("'abc'"));
    Problem type = p.get("entities[0].columns[0].type");
    assertTrue(type.message().contains("varchar9"), type.toString());
    for (ColumnType t : ColumnType.values()) {
      assertTrue(type.fix().contains(t.yamlName()), "fix does not list " + t + ": " + type);
    }
  }

  @Test
  void anEmptyDocumentIsOneProblemAndKeepsTheFallbackId() {
    Problems problems = new Problems();
    Scenario s = ScenarioMapper.map(null, "fallback", problems);
    assertEquals("fallback", s.id());
    assertEquals(1, problems.list().size());
    assertEquals("(document)", problems.list().get(0).path());
    assertNull(s.seed());
  }

  @Test
  void validationExceptionCarriesEveryProblem() {
    Problems problems = new Problems();
    problems.add("a", "is wrong", "fix a");
    problems.add("b.c", "is wrong too", "fix b");
    ValidationException ex =
        org.junit.jupiter.api.Assertions.assertThrows(
            ValidationException.class, () -> problems.throwIfAny("scenario 'x'"));
    assertEquals(2, ex.problems().size());
    assertTrue(ex.getMessage().contains("2 problems"), ex.getMessage());
    assertTrue(ex.getMessage().contains("b.c: is wrong too (fix: fix b)"), ex.getMessage());
  }
}
