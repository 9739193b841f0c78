package dev.syngen.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.Problems;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunRequestReaderTest {
  private final RunRequestReader reader = new RunRequestReader(8);

  @Test
  void aValueReadsTheSameAsANumberOrAsItsText() {
    Problems problems = new Problems();
    RunInput typed =
        reader.read(
            Map.of("seed", 42L, "scale", 0.5, "entity_counts", Map.of("a", 3), "parallelism", 4),
            problems);
    RunInput text =
        reader.read(
            Map.of(
                "seed", " 42 ",
                "scale", "0.5",
                "entity_counts", Map.of("a", "3"),
                "parallelism", "4"),
            problems);

    assertEquals(List.of(), problems.list());
    assertEquals(typed.overrides(), text.overrides());
    assertEquals(typed.parallelism(), text.parallelism());
    assertEquals(42L, text.overrides().seed());
  }

  @Test
  void anAsOfIsReadAsTheScenarioFormatReadsIt() {
    Problems problems = new Problems();
    RunInput date = reader.read(Map.of("as_of", "2026-01-01"), problems);
    assertEquals(List.of(), problems.list());
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), date.overrides().asOf());

    reader.read(Map.of("as_of", "+10000-01-01T00:00:00Z"), problems);
    assertEquals(List.of("as_of"), problems.list().stream().map(Problem::path).toList());
  }

  @Test
  void everyBadValueIsAProblemAtItsPathAndTheRestIsStillRead() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("seed", 1.5);
    tree.put("entity_counts", Map.of("b", new BigInteger("99999999999999999999")));
    tree.put("parallelism", 9);
    tree.put("band", "staging");
    tree.put("traffic", Map.of("rate", 1000, "wall_clock", "yes", "colour", "red"));
    Problems problems = new Problems();
    RunInput in = reader.read(tree, problems);

    assertEquals(
        List.of(
            new Problem("seed", "'1.5' is not a whole number", "write a whole number, e.g. 42"),
            new Problem(
                "entity_counts.b",
                "'99999999999999999999' is out of the 64-bit range",
                "write a whole number, e.g. 42"),
            new Problem(
                "traffic.colour",
                "unknown field 'colour'",
                "use only: " + String.join(", ", RunRequestReader.TRAFFIC_FIELDS)),
            new Problem("traffic.wall_clock", "'yes' is not true or false", "write true"),
            new Problem(
                "parallelism", "must be between 1 and 8, got 9", "leave it out for the default")),
        problems.list());
    assertNull(in.parallelism());
    assertEquals("staging", in.band());
    assertEquals("1000", in.traffic().rate());
  }
}
