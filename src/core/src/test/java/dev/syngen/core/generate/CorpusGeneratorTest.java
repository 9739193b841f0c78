package dev.syngen.core.generate;

import static dev.syngen.core.Fixtures.cell;
import static dev.syngen.core.Fixtures.col;
import static dev.syngen.core.Fixtures.entity;
import static dev.syngen.core.Fixtures.gen;
import static dev.syngen.core.Fixtures.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.corpus.Corpus;
import dev.syngen.core.corpus.CorpusAdmission;
import dev.syngen.core.corpus.CorpusCatalog;
import dev.syngen.core.corpus.CorpusRules;
import dev.syngen.core.corpus.CorpusSource;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.generate.builtin.CorpusPick;
import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.GeneratorSpec;
import dev.syngen.core.scenario.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The corpus generator: a pure function of the cell, weighted as asked, hashed into the plan. */
class CorpusGeneratorTest {
  private static final int ROWS = 20_000;

  private static Corpus corpus(String name, String csv) {
    CorpusAdmission.Admission a =
        CorpusAdmission.admit(
            name,
            csv.getBytes(StandardCharsets.UTF_8),
            new CorpusSource("csv", "value", "weight"),
            CorpusRules.DEFAULTS);
    assertTrue(a.ready(), a.reason());
    return a.corpus();
  }

  private static final Corpus FRUIT = corpus("fruit", "value,weight\napple,6\npear,3\nfig,1\n");

  private static PlanCompiler compiler(Corpus... corpora) {
    return new PlanCompiler(
        GeneratorRegistry.builtins().with(CorpusPick.factory(CorpusCatalog.of(List.of(corpora)))));
  }

  private static Scenario fruitScenario(GeneratorSpec g) {
    return scenario(entity("basket", ROWS, col("fruit", ColumnType.STRING, g)));
  }

  private static CompiledPlan plan(PlanCompiler c, GeneratorSpec g, long seed) {
    return c.compile(fruitScenario(g), RunOverrides.NONE.withSeed(seed));
  }

  private static List<String> values(CompiledPlan plan) {
    CompiledColumn c = Fixtures.column(plan, "basket", "fruit");
    List<String> out = new ArrayList<>();
    for (int row = 0; row < ROWS; row++) {
      out.add(cell(c, row));
    }
    return out;
  }

  private static List<String> batched(CompiledPlan plan, int size) {
    CompiledEntity e = Fixtures.compiled(plan, "basket");
    RowBatch batch = new RowBatch(e, size);
    List<String> out = new ArrayList<>();
    for (int first = 0; first < ROWS; first += size) {
      int n = Math.min(size, ROWS - first);
      batch.fill(first, n);
      for (int i = 0; i < n; i++) {
        out.add(cell(batch.column(0), i));
      }
    }
    return out;
  }

  private static Map<String, Double> shares(List<String> values) {
    Map<String, Double> m = new HashMap<>();
    values.forEach(v -> m.merge(v, 1.0 / values.size(), Double::sum));
    return m;
  }

  @Test
  void sameSeedSameValuesInAnyOrderThreadOrBatchSize() {
    CompiledPlan plan = plan(compiler(FRUIT), gen("corpus", "name", "fruit"), 7);
    List<String> forward = values(plan);
    CompiledColumn c = Fixtures.column(plan, "basket", "fruit");
    assertEquals(forward, IntStream.range(0, ROWS).parallel().mapToObj(r -> cell(c, r)).toList());
    assertEquals(forward, batched(plan, 7));
    assertEquals(forward, batched(plan, 4096));
    assertEquals(forward, values(plan(compiler(FRUIT), gen("corpus", "name", "fruit"), 7)));
    assertNotEquals(forward, values(plan(compiler(FRUIT), gen("corpus", "name", "fruit"), 8)));
  }

  @Test
  void weightsFollowTheColumnUniformOrZipf() {
    Map<String, Double> column =
        shares(values(plan(compiler(FRUIT), gen("corpus", "name", "fruit"), 1)));
    assertEquals(0.6, column.get("apple"), 0.02);
    assertEquals(0.1, column.get("fig"), 0.02);
    Map<String, Double> uniform =
        shares(
            values(plan(compiler(FRUIT), gen("corpus", "name", "fruit", "weights", "uniform"), 1)));
    assertEquals(1 / 3.0, uniform.get("fig"), 0.02);
    Map<String, Double> zipf =
        shares(
            values(
                plan(
                    compiler(FRUIT),
                    gen("corpus", "name", "fruit", "weights", "zipf", "s", 2),
                    1)));
    double h = 1 + 1 / 4.0 + 1 / 9.0;
    assertEquals(1 / h, zipf.get("apple"), 0.02);
    assertEquals(1 / 9.0 / h, zipf.get("fig"), 0.02);
  }

  @Test
  void theCorpusHashEntersTheConfigHash() {
    GeneratorSpec g = gen("corpus", "name", "fruit");
    String one = plan(compiler(FRUIT), g, 1).configHash();
    assertEquals(one, plan(compiler(FRUIT), g, 1).configHash(), "unchanged corpus, same hash");
    Corpus changed = corpus("fruit", "value,weight\napple,6\npear,3\nfig,2\n");
    assertNotEquals(one, plan(compiler(changed), g, 1).configHash());
    Corpus nested = FRUIT;
    GeneratorSpec mixture =
        gen(
            "mixture",
            "weights",
            List.of(0.5, 0.5),
            "components",
            List.of(
                Map.of("type", "const", "params", Map.of("value", "none")),
                Map.of("type", "corpus", "params", Map.of("name", "fruit"))));
    CompiledPlan a = plan(compiler(nested), mixture, 1);
    CompiledPlan b = plan(compiler(changed), mixture, 1);
    assertNotEquals(a.configHash(), b.configHash(), "a corpus nested in another generator counts");
  }

  @Test
  void anUnknownCorpusIsReportedWithDidYouMean() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> plan(compiler(FRUIT), gen("corpus", "name", "friut"), 1));
    String msg = e.problems().get(0).message();
    assertTrue(msg.contains("no ready corpus named 'friut'; did you mean 'fruit'?"), msg);
    assertEquals("entities[0].columns[0].generator.params.name", e.problems().get(0).path());
  }

  @Test
  void badWeightsAndValuesOfTheWrongTypeAreReported() {
    ValidationException weights =
        assertThrows(
            ValidationException.class,
            () -> plan(compiler(FRUIT), gen("corpus", "name", "fruit", "weights", "zip"), 1));
    assertTrue(weights.problems().get(0).message().contains("column, uniform or zipf"));
    Corpus plain = corpus("plain", "value,weight\nx,1\n");
    ValidationException column =
        assertThrows(
            ValidationException.class,
            () ->
                compiler(plain)
                    .compile(
                        scenario(
                            entity(
                                "basket",
                                10,
                                col("n", ColumnType.INT, gen("corpus", "name", "plain")))),
                        RunOverrides.NONE));
    assertTrue(column.problems().get(0).message().contains("is not a 32-bit whole number"));
  }
}
