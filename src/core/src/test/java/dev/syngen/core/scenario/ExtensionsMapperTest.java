package dev.syngen.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sections syngen adds to the scenario format map cleanly, and report bad shapes with paths.
 */
@SuppressWarnings("unchecked")
class ExtensionsMapperTest {
  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Map<String, Object> scenario(
      Object entityExtra, Object bands, Object expectations) {
    Map<String, Object> parent =
        map(
            "name",
            "p",
            "rows",
            10,
            "columns",
            List.of(map("name", "id", "type", "int", "generator", "sequence")));
    Map<String, Object> child =
        map(
            "name",
            "c",
            "columns",
            List.of(map("name", "x", "type", "int", "expression", "1 + 2")));
    child.putAll((Map<String, Object>) entityExtra);
    Map<String, Object> root = map("name", "s", "entities", List.of(parent, child));
    if (bands != null) {
      root.put("bands", bands);
    }
    if (expectations != null) {
      root.put("expectations", expectations);
    }
    return root;
  }

  @Test
  void validSectionsMap() {
    Problems problems = new Problems();
    Scenario s =
        ScenarioMapper.map(
            scenario(
                map(
                    "rows_per_parent",
                    map(
                        "parent",
                        "p",
                        "count",
                        map("type", "poisson", "params", map("lambda", 3)),
                        "heavy",
                        map("share", 0.1, "count", "const"))),
                map("dev", 1, "perf", map("scale", 100, "entity_scales", map("p", 0.5))),
                map(
                    "band", "strict",
                    "columns",
                        List.of(
                            map(
                                "column",
                                "c.x",
                                "percentiles",
                                map("p50", 3, "0.9", 3),
                                "shares",
                                map("3", 1.0))),
                    "relationships", List.of(map("child", "c.x", "distribution", "poisson")),
                    "integrity", List.of(map("monotonic", "c.x", "within", "x")))),
            "s",
            problems);
    assertTrue(problems.isEmpty(), problems.list().toString());
    Entity c = s.entity("c");
    assertEquals("p", c.rowsPerParent().parent());
    assertEquals(0.1, c.rowsPerParent().heavyShare());
    assertEquals("expression", c.columns().get(0).generator().type());
    assertEquals(100.0, s.band("perf").scale());
    assertEquals(Map.of("p", 0.5), s.band("perf").entityScales());
    assertEquals("strict", s.expectations().band());
    assertEquals(Map.of(0.5, 3, 0.9, 3), s.expectations().columns().get(0).percentiles());
    assertEquals(
        Expectations.IntegrityRule.Kind.MONOTONIC, s.expectations().integrity().get(0).kind());
  }

  @Test
  void badShapesAreReportedWithPaths() {
    Problems problems = new Problems();
    Map<String, Object> child =
        map(
            "rows",
            5,
            "rows_per_parent",
            map("parent", "p", "count", "poisson", "heavy", map("share", 1.5, "count", "const")));
    Map<String, Object> root =
        scenario(
            child,
            map("dev", 0),
            map(
                "band", "loose",
                "columns",
                    List.of(
                        map("column", "cx", "percentiles", map("median", 3)),
                        map("column", "c.x", "shares", map("a", 0.7, "b", 0.6))),
                "integrity", List.of(map("fk", "c.x", "unique", "c.x"))));
    ((Map<String, Object>) ((List<?>) root.get("entities")).get(1))
        .put(
            "columns",
            List.of(map("name", "x", "type", "int", "expression", "1", "generator", "sequence")));
    ScenarioMapper.map(root, "s", problems);
    List<String> paths = problems.list().stream().map(Problem::path).toList();
    for (String expected :
        List.of(
            "entities[1].rows",
            "entities[1].rows_per_parent.heavy.share",
            "entities[1].columns[0].expression",
            "bands.dev",
            "expectations.band",
            "expectations.columns[0].column",
            "expectations.columns[0].percentiles.median",
            "expectations.columns[1].shares",
            "expectations.integrity[0]")) {
      assertTrue(paths.contains(expected), expected + " not in " + paths);
    }
    assertTrue(problems.list().stream().allMatch(p -> p.fix() != null && !p.fix().isBlank()));
  }
}
