package dev.syngen.core.engine;

import static dev.syngen.core.Fixtures.col;
import static dev.syngen.core.Fixtures.entity;
import static dev.syngen.core.Fixtures.gen;
import static dev.syngen.core.Fixtures.nullable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.scenario.Column;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.sink.TableMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The engine's guarantees over scenarios made at random — entities in a chain of foreign keys,
 * columns drawn from most generator families, any row counts — rather than over one fixture: the
 * same seed gives the same rows whatever the parallelism and batch size, counts are exact, every
 * foreign key names an existing parent, and an invalid scenario is refused before anything is
 * written.
 */
class EnginePropertiesTest {
  /** One scenario made from a shape seed; entity {@code e0} is the root, e(k) points to e(k-1). */
  private record Made(Scenario scenario, Map<String, Integer> fkColumn) {}

  private static Made scenario(long shape, int levels, boolean broken) {
    Random r = new Random(shape);
    List<Entity> entities = new ArrayList<>();
    Map<String, Integer> fkColumn = new java.util.HashMap<>();
    for (int level = 0; level < levels; level++) {
      String name = "e" + level;
      List<Column> cols = new ArrayList<>();
      cols.add(col("id", ColumnType.BIGINT, gen("sequence")));
      if (level > 0) {
        fkColumn.put(name, cols.size());
        cols.add(
            col(
                "parent_id",
                ColumnType.BIGINT,
                gen(
                    "fk",
                    "entity",
                    "e" + (level - 1),
                    "column",
                    "id",
                    "distribution",
                    r.nextBoolean() ? "uniform" : "zipf")));
      }
      int extra = 1 + r.nextInt(5);
      for (int c = 0; c < extra; c++) {
        cols.add(randomColumn("c" + c, r));
      }
      if (broken && level == levels - 1) {
        cols.add(col("bad", ColumnType.INT, gen("uniform_int", "min", 10, "max", 1)));
      }
      entities.add(entity(name, 1 + r.nextInt(300), cols.toArray(Column[]::new)));
    }
    return new Made(Fixtures.scenario(entities.toArray(Entity[]::new)), fkColumn);
  }

  private static Column randomColumn(String name, Random r) {
    return switch (r.nextInt(10)) {
      case 0 -> col(name, ColumnType.INT, gen("uniform_int", "min", -50, "max", 50));
      case 1 -> col(name, ColumnType.DOUBLE, gen("uniform_float", "min", 0, "max", 1));
      case 2 -> nullable(name, ColumnType.DOUBLE, 0.2, gen("normal", "mean", 5, "std", 2));
      case 3 -> col(name, ColumnType.STRING, gen("choice", "values", List.of("a", "b", "c")));
      case 4 -> col(name, ColumnType.STRING, gen("pattern", "pattern", "[A-Z]{2}-\\d{3}"));
      case 5 -> col(name, ColumnType.BOOL, gen("bool", "p", 0.3));
      case 6 -> col(name, ColumnType.UUID, gen("uuid4"));
      case 7 -> col(name, ColumnType.STRING, gen("faker_name"));
      case 8 -> col(name, ColumnType.TIMESTAMP, gen("time_series", "start", "-1d", "step", "30s"));
      default -> col(name, ColumnType.DATE, gen("date_between", "start", "-30d", "end", "0d"));
    };
  }

  private static RecordingSink run(CompiledPlan plan, int parallelism, int batchSize) {
    RecordingSink sink = new RecordingSink();
    new RunEngine(parallelism, batchSize)
        .run(
            plan,
            sink,
            TableMode.TRUNCATE_THEN_INSERT,
            Map.of(),
            RunListener.NONE,
            new CancelToken());
    return sink;
  }

  @Property(tries = 40)
  void sameSeedSameRowsWhateverTheParallelismAndBatchSize(
      @ForAll long shape,
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 4) int levels,
      @ForAll @IntRange(min = 1, max = 64) int batchSize,
      @ForAll @IntRange(min = 2, max = 4) int parallelism) {
    CompiledPlan plan = Fixtures.compile(scenario(shape, levels, false).scenario(), seed);
    List<String> reference = run(plan, 1, 4096).lines;
    assertEquals(reference, run(plan, parallelism, batchSize).lines);
    CompiledPlan again = Fixtures.compile(scenario(shape, levels, false).scenario(), seed);
    assertEquals(plan.configHash(), again.configHash());
    assertEquals(reference, run(again, parallelism, batchSize).lines, "compiled again");
  }

  @Property(tries = 40)
  void countsAreExactAndEveryForeignKeyNamesAnExistingParent(
      @ForAll long shape, @ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int levels) {
    Made made = scenario(shape, levels, false);
    RecordingSink sink = run(Fixtures.compile(made.scenario(), seed), 3, 17);
    Set<String> parentIds = null;
    for (Entity e : made.scenario().entities()) {
      List<String> lines = sink.linesOf(e.name());
      assertEquals(e.rows(), lines.size(), e.name());
      Set<String> ids = new HashSet<>();
      for (String line : lines) {
        String[] cells = line.split("\\|", -1);
        ids.add(cells[2]); // entity|row|id|…
        Integer fk = made.fkColumn().get(e.name());
        if (fk != null) {
          assertTrue(parentIds.contains(cells[2 + fk]), e.name() + ": " + line);
        }
      }
      assertEquals(e.rows(), ids.size(), "ids of " + e.name() + " repeat");
      parentIds = ids;
    }
  }

  @Property(tries = 20)
  void anInvalidScenarioIsRefusedWithItsPathBeforeAnythingIsWritten(
      @ForAll long shape, @ForAll @IntRange(min = 1, max = 4) int levels) {
    Made made = scenario(shape, levels, true);
    RecordingSink sink = new RecordingSink();
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> {
              CompiledPlan plan = Fixtures.compile(made.scenario(), 1);
              new RunEngine(2, 64)
                  .run(
                      plan,
                      sink,
                      TableMode.TRUNCATE_THEN_INSERT,
                      Map.of(),
                      RunListener.NONE,
                      new CancelToken());
            });
    assertTrue(
        e.problems().stream().anyMatch(p -> p.path().startsWith("entities[" + (levels - 1) + "]")),
        e.getMessage());
    assertTrue(sink.lines.isEmpty() && sink.events.isEmpty(), "something was written");
  }
}
