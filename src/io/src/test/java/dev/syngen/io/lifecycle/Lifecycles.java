package dev.syngen.io.lifecycle;

import dev.syngen.core.Fixtures;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.io.yaml.ScenarioFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: the lifecycle scenarios under src/test/resources/lifecycle, and their rows. */
final class Lifecycles {
  private Lifecycles() {}

  static String yaml(String name) {
    try (InputStream in = Lifecycles.class.getResourceAsStream("/lifecycle/" + name + ".yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Scenario scenario(String name) {
    return ScenarioFiles.parse(yaml(name), name);
  }

  static CompiledPlan plan(String name, long seed) {
    return Fixtures.compile(scenario(name), seed);
  }

  /** Every row of an entity as text cells, filled in batches of {@code batch} rows. */
  static List<List<String>> rows(CompiledPlan plan, String entity, int batch) {
    CompiledEntity e = Fixtures.compiled(plan, entity);
    List<List<String>> out = new ArrayList<>();
    RowBatch b = new RowBatch(e, batch);
    for (long first = 0; first < e.rows(); first += batch) {
      int n = (int) Math.min(batch, e.rows() - first);
      b.fill(first, n);
      for (int i = 0; i < n; i++) {
        List<String> row = new ArrayList<>();
        for (int c = 0; c < b.columnCount(); c++) {
          row.add(Fixtures.cell(b.column(c), i));
        }
        out.add(row);
      }
    }
    return out;
  }

  static int column(CompiledPlan plan, String entity, String column) {
    List<String> names =
        Fixtures.compiled(plan, entity).columns().stream().map(c -> c.name()).toList();
    int i = names.indexOf(column);
    if (i < 0) {
      throw new AssertionError("no column " + column + " in " + names);
    }
    return i;
  }
}
