package dev.syngen.core.plan;

import static dev.syngen.core.Fixtures.col;
import static dev.syngen.core.Fixtures.gen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.generate.ChildAllocation;
import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.GeneratorSpec;
import dev.syngen.core.scenario.RowsPerParent;
import dev.syngen.core.scenario.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An entity's rows declared per parent row: layout, foreign keys that follow it, validation. */
class RowsPerParentTest {
  private static final int PARENTS = 3000;

  private static Scenario chat(GeneratorSpec count, double heavyShare, GeneratorSpec heavy) {
    Entity conversations =
        Fixtures.entity("conversations", PARENTS, col("id", ColumnType.BIGINT, gen("sequence")));
    Entity messages =
        new Entity(
            "messages",
            "messages",
            0,
            List.of(
                col("message_id", ColumnType.BIGINT, gen("sequence")),
                col(
                    "conversation_id",
                    ColumnType.BIGINT,
                    gen("fk", "entity", "conversations", "column", "id"))),
            new RowsPerParent("conversations", count, heavyShare, heavy));
    return Fixtures.scenario(conversations, messages);
  }

  @Test
  void childRowsAreTheSumOfPerParentCountsAndTheirKeysFollowTheLayout() {
    CompiledPlan plan = Fixtures.compile(chat(gen("poisson", "lambda", 4), 0, null), 5);
    CompiledEntity messages = Fixtures.compiled(plan, "messages");
    ChildAllocation a = messages.allocation();
    long sum = 0;
    for (long p = 0; p < PARENTS; p++) {
      sum += a.count(p);
    }
    assertEquals(sum, messages.rows());
    CompiledColumn fk = Fixtures.column(plan, "messages", "conversation_id");
    long previous = 1;
    long[] seen = new long[PARENTS + 1];
    for (long row = 0; row < messages.rows(); row++) {
      long parentId = fk.generator().longAt(fk.key(), row);
      assertTrue(parentId >= previous, "children are laid out parent by parent");
      previous = parentId;
      seen[(int) parentId]++;
    }
    for (int p = 0; p < PARENTS; p++) {
      assertEquals(a.count(p), seen[p + 1], "parent row " + p + " has its declared children");
    }
  }

  @Test
  void positionsAreTheSameInAnyOrderOfAccess() {
    CompiledPlan plan = Fixtures.compile(chat(gen("geometric", "p", 0.1), 0, null), 9);
    ChildAllocation a = Fixtures.compiled(plan, "messages").allocation();
    long rows = a.total();
    long[] forward = new long[(int) rows];
    for (int r = 0; r < rows; r++) {
      ChildAllocation.Position pos = a.position(r);
      forward[r] = pos.parent * 1_000_000 + pos.rank * 1000 + pos.size;
    }
    for (int r = (int) rows - 1; r >= 0; r -= 7) {
      ChildAllocation.Position pos = a.position(r);
      assertEquals(forward[r], pos.parent * 1_000_000 + pos.rank * 1000 + pos.size);
    }
    assertTrue(a.count(0) >= 0);
  }

  @Test
  void heavyParentsGetTheirOwnCountsAtTheDeclaredShare() {
    CompiledPlan plan =
        Fixtures.compile(
            chat(
                gen("zipf", "alpha", 1.8, "min", 1, "max", 500),
                0.02,
                gen("uniform_int", "min", 10_000, "max", 12_000)),
            3);
    ChildAllocation a = Fixtures.compiled(plan, "messages").allocation();
    long heavy = 0;
    for (long p = 0; p < PARENTS; p++) {
      heavy += a.count(p) >= 10_000 ? 1 : 0;
    }
    assertEquals(0.02, heavy / (double) PARENTS, 0.008);
  }

  @Test
  void invalidDeclarationsAreReportedWithPaths() {
    Scenario bad = chat(gen("normal", "mean", 3, "std", 1), 0, null);
    ValidationException e = assertThrows(ValidationException.class, () -> Fixtures.compile(bad, 1));
    assertTrue(
        e.problems().stream()
            .anyMatch(p -> p.path().equals("entities[1].rows_per_parent.count.type")),
        e.getMessage());

    Scenario negative = chat(gen("uniform_int", "min", -5, "max", 2), 0, null);
    ValidationException n =
        assertThrows(ValidationException.class, () -> Fixtures.compile(negative, 1));
    assertTrue(n.getMessage().contains("negative number of children"), n.getMessage());

    RunOverrides counts =
        new RunOverrides(1L, null, null, null, Map.of("messages", 10L), null, null);
    Scenario ok = chat(gen("poisson", "lambda", 2), 0, null);
    ValidationException o =
        assertThrows(ValidationException.class, () -> Fixtures.COMPILER.compile(ok, counts));
    assertEquals(
        List.of("entity_counts.messages"), o.problems().stream().map(Problem::path).toList());
  }

  @Test
  void scalingTheParentScalesTheChildren() {
    Scenario s = chat(gen("poisson", "lambda", 4), 0, null);
    long base = Fixtures.compiled(Fixtures.compile(s, 5), "messages").rows();
    RunOverrides half = new RunOverrides(5L, null, 0.5, null, null, null, null);
    long scaled = Fixtures.compiled(Fixtures.COMPILER.compile(s, half), "messages").rows();
    assertEquals(base / 2.0, scaled, base * 0.05);
  }
}
