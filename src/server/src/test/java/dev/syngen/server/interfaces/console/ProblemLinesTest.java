package dev.syngen.server.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.syngen.core.problem.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemLinesTest {
  private static final String YAML =
      String.join(
          "\n",
          "id: shop",
          "entities:",
          "  - name: customers",
          "    rows: 10",
          "    columns:",
          "      - name: id",
          "        generator: {type: sequence}",
          "  - name: orders",
          "    rows: 20",
          "    columns:",
          "      - name: id",
          "        generator: {type: sequence}",
          "      - name: customer_id",
          "        generator: {type: fk, params: {entity: nobody}}");

  @Test
  void pointsAColumnProblemAtItsGeneratorLine() {
    List<YamlLine> lines =
        ProblemLines.annotate(
            YAML, List.of(new Problem("entities[1].columns[1].generator", "no entity", "fix it")));
    YamlLine marked = lines.stream().filter(l -> l.problem() != null).findFirst().orElseThrow();
    assertEquals(14, marked.number());
  }

  @Test
  void pointsAnEntityProblemAtItsItemAndUnknownPathsAtLineOne() {
    String[] lines = YAML.split("\n");
    assertEquals(8, ProblemLines.lineOf(lines, "entities[1]"));
    assertEquals(9, ProblemLines.lineOf(lines, "entities[1].rows"));
    assertEquals(1, ProblemLines.lineOf(lines, "(document)"));
  }

  @Test
  void followsAPathThatNamesItsItems() {
    String[] lines = YAML.split("\n");
    assertEquals(14, ProblemLines.lineOf(lines, "entities.orders.columns.customer_id.generator"));
    assertEquals(9, ProblemLines.lineOf(lines, "entities.orders.rows"));
    assertEquals(2, ProblemLines.lineOf(lines, "entities.nobody.rows"));
  }
}
