package dev.syngen.io.jdbc;

import dev.syngen.core.engine.CancelToken;
import dev.syngen.core.engine.ColumnVector;
import dev.syngen.core.engine.EntityStats;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.engine.RunEngine;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.scenario.Column;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.GeneratorSpec;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TableMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Scenarios, plans and expected values for the JDBC sink tests. */
final class JdbcFixtures {
  static final Instant AS_OF = Instant.parse("2026-01-15T12:00:00Z");

  private JdbcFixtures() {}

  static Column col(String name, ColumnType type, String generator, Object... params) {
    return nullable(name, type, 0.0, generator, params);
  }

  static Column nullable(
      String name, ColumnType type, double nullRate, String generator, Object... params) {
    Map<String, Object> p = new LinkedHashMap<>();
    for (int i = 0; i < params.length; i += 2) {
      p.put((String) params[i], params[i + 1]);
    }
    return new Column(name, type, nullRate > 0, nullRate, false, new GeneratorSpec(generator, p));
  }

  static Entity entity(String name, long rows, Column... columns) {
    return new Entity(name, name, rows, List.of(columns));
  }

  static CompiledPlan plan(Entity... entities) {
    Scenario s = new Scenario("jdbc-test", "jdbc test", "1", null, 42L, AS_OF, List.of(entities));
    return new PlanCompiler(GeneratorRegistry.builtins())
        .compile(s, RunOverrides.NONE.withSeed(42L));
  }

  /** Every column type, nulls in most of them, and text that needs escaping in COPY text. */
  static Entity allTypes(long rows) {
    return entity(
        "things",
        rows,
        col("id", ColumnType.BIGINT, "sequence", "start", 0),
        nullable("i", ColumnType.INT, 0.2, "uniform_int", "min", -1000, "max", 1000),
        col("big", ColumnType.BIGINT, "uniform_int", "min", -1_000_000_000_000L, "max", 1L << 40),
        nullable("f", ColumnType.FLOAT, 0.1, "uniform_float", "min", -5.0, "max", 5.0),
        col("d", ColumnType.DOUBLE, "normal", "mean", 100.0, "std", 15.0),
        nullable("flag", ColumnType.BOOL, 0.3, "bool", "p", 0.4),
        nullable(
            "color",
            ColumnType.STRING,
            0.1,
            "choice",
            "values",
            List.of("red", "tab\there", "back\\slash", "new\nline\r", "ünïcødé ✓", "\\N")),
        col("name", ColumnType.TEXT, "faker_name"),
        col("code", ColumnType.STRING, "pattern", "pattern", "ORD-[A-Z]{2}-####"),
        nullable(
            "ts", ColumnType.TIMESTAMP, 0.2, "timestamp_between", "start", "-30d", "end", "0d"),
        col("tick", ColumnType.TIMESTAMP, "time_series", "start", "-7d", "step", "5s"),
        nullable("day", ColumnType.DATE, 0.2, "date_between", "start", "-400d", "end", "0d"),
        nullable("uid", ColumnType.UUID, 0.2, "uuid4"),
        col("k", ColumnType.INT, "const", "value", 7));
  }

  /** customers (uuid key) and orders referring to them with a Zipf-skewed fk. */
  static CompiledPlan customersAndOrders(long customers, long orders) {
    return plan(
        entity(
            "customers",
            customers,
            col("id", ColumnType.BIGINT, "sequence", "start", 1),
            col("cid", ColumnType.UUID, "uuid4"),
            col("name", ColumnType.STRING, "faker_name")),
        entity(
            "orders",
            orders,
            col("id", ColumnType.BIGINT, "sequence", "start", 1),
            col("customer", ColumnType.UUID, "fk", "entity", "customers", "column", "cid"),
            col("customer_id", ColumnType.BIGINT, "fk", "entity", "customers", "column", "id"),
            col("amount", ColumnType.DOUBLE, "uniform_float", "min", 1.0, "max", 500.0)));
  }

  static List<EntityStats> run(
      CompiledPlan plan, Sink sink, TableMode mode, int parallelism, int batchSize) {
    return run(plan, sink, mode, Map.of(), parallelism, batchSize);
  }

  static List<EntityStats> run(
      CompiledPlan plan,
      Sink sink,
      TableMode mode,
      Map<String, Long> resume,
      int parallelism,
      int batchSize) {
    try (sink) {
      return new RunEngine(parallelism, batchSize)
          .run(plan, sink, mode, resume, RunListener.NONE, new CancelToken());
    }
  }

  static CompiledEntity entity(CompiledPlan plan, String name) {
    return plan.entities().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
  }

  /** All rows of a (small) entity as the generators compute them. */
  static RowBatch expectedRows(CompiledEntity e) {
    return new RowBatch(e, (int) e.rows()).fill(0, (int) e.rows());
  }

  /** A cell as a plain Java value: Long, Double, Boolean, Instant, LocalDate, UUID, String. */
  static Object expected(ColumnVector v, int i) {
    if (v.isNull(i)) {
      return null;
    }
    return switch (v.kind) {
      case LONG -> v.longs[i];
      case DOUBLE -> v.doubles[i];
      case BOOL -> v.longs[i] != 0;
      case TIMESTAMP -> Instant.ofEpochMilli(v.longs[i]);
      case DATE -> LocalDate.ofEpochDay(v.longs[i]);
      case UUID -> new UUID(v.longs[i], v.lows[i]);
      case STRING -> v.strings[i];
    };
  }
}
