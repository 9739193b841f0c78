package dev.syngen.server.application.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.Problems;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetSpecsTest {
  @Test
  void aTargetDocumentIsReadAsWrittenWithoutExpandingVariables() {
    Problems p = new Problems();
    TargetSpec spec =
        TargetSpecs.fromTree(
            Map.of(
                "kind", "Postgres",
                "dsn", "postgres://${PGUSER:-me}@h/db",
                "options", Map.of("copy_format", "text")),
            "from-file",
            p);

    assertEquals(List.of(), p.list());
    assertEquals("from-file", spec.id());
    assertEquals("postgres", spec.kind());
    assertEquals("postgres://${PGUSER:-me}@h/db", spec.dsn());
    assertEquals(Map.of("copy_format", "text"), spec.options());
  }

  @Test
  void shapeProblemsCarryTheirPaths() {
    Problems p = new Problems();
    TargetSpec spec =
        TargetSpecs.fromTree(
            Map.of("id", "a/b", "dsn", List.of(), "options", Map.of("k", List.of()), "x", 1),
            null,
            p);

    assertNull(spec);
    assertEquals(
        List.of("id", "kind", "dsn", "options.k", "x").stream().sorted().toList(),
        p.list().stream().map(Problem::path).sorted().toList());
  }

  @Test
  void valuesLongerThanTheirColumnsAreProblemsNotServerErrors() {
    Problems p = new Problems();
    TargetSpec spec =
        TargetSpecs.fromTree(
            Map.of(
                "kind", "csv", "dsn", "out/x", "name", "n".repeat(257), "schema", "s".repeat(65)),
            "long",
            p);
    assertNull(spec);
    assertEquals(List.of("name", "schema"), p.list().stream().map(Problem::path).toList());
    assertEquals("shorten it", p.list().get(0).fix());
  }
}
