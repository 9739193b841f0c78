package dev.syngen.core;

import dev.syngen.core.engine.ColumnVector;
import dev.syngen.core.engine.ValueFormat;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.scenario.Column;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.GeneratorSpec;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.scenario.ValueKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders for scenario records and readers for computed cells, shared by the core tests. */
public final class Fixtures {
  public static final Instant AS_OF = Instant.parse("2026-01-15T12:00:00Z");
  public static final PlanCompiler COMPILER = new PlanCompiler(GeneratorRegistry.builtins());

  private Fixtures() {}

  /** A generator spec from alternating parameter names and values. */
  public static GeneratorSpec gen(String type, Object... params) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < params.length; i += 2) {
      m.put((String) params[i], params[i + 1]);
    }
    return new GeneratorSpec(type, m);
  }

  public static Column col(String name, ColumnType type, GeneratorSpec generator) {
    return new Column(name, type, false, 0.0, false, generator);
  }

  public static Column nullable(String name, ColumnType type, double rate, GeneratorSpec g) {
    return new Column(name, type, true, rate, false, g);
  }

  public static Entity entity(String name, long rows, Column... columns) {
    return new Entity(name, name, rows, List.of(columns));
  }

  public static Scenario scenario(Entity... entities) {
    return new Scenario("test", "test scenario", "1", null, null, AS_OF, List.of(entities));
  }

  public static CompiledPlan compile(Scenario s, long seed) {
    return COMPILER.compile(s, RunOverrides.NONE.withSeed(seed));
  }

  public static CompiledEntity compiled(CompiledPlan plan, String entity) {
    return plan.entities().stream()
        .filter(e -> e.name().equals(entity))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no compiled entity " + entity));
  }

  public static CompiledColumn column(CompiledPlan plan, String entity, String column) {
    return compiled(plan, entity).columns().stream()
        .filter(c -> c.name().equals(column))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no compiled column " + entity + "." + column));
  }

  /** One cell computed straight from the generator, as text that distinguishes every value. */
  public static String cell(CompiledColumn c, long row) {
    Generator g = c.generator();
    long key = c.key();
    return switch (g.kind()) {
      case DOUBLE -> Double.toString(g.doubleAt(key, row));
      case STRING -> g.stringAt(key, row);
      case UUID -> ValueFormat.uuid(g.longAt(key, row), g.uuidLowAt(key, row));
      default -> Long.toString(g.longAt(key, row));
    };
  }

  /** One cell of a filled batch, in the same text form as {@link #cell(CompiledColumn, long)}. */
  public static String cell(ColumnVector v, int i) {
    if (v.isNull(i)) {
      return "<null>";
    }
    ValueKind k = v.kind;
    return switch (k) {
      case DOUBLE -> Double.toString(v.doubles[i]);
      case STRING -> v.strings[i];
      case UUID -> ValueFormat.uuid(v.longs[i], v.lows[i]);
      default -> Long.toString(v.longs[i]);
    };
  }
}
