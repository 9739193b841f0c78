package dev.syngen.io.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.engine.CancelToken;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.engine.RunEngine;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.fidelity.TableSource;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.scenario.Column;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.GeneratorSpec;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import dev.syngen.io.TableSources;
import dev.syngen.io.Targets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the real clickhouse-server on 127.0.0.1:8123 (./verify installs and starts Debian's
 * package); database {@code syngen_ch_test}, dropped before every test.
 */
class ClickHouseSinkTest {
  static final String DB = "syngen_ch_test";
  static final String DSN =
      System.getenv()
          .getOrDefault("SYNGEN_TEST_CH_DSN", "clickhouse://default@127.0.0.1:8123/" + DB);
  private static final Targets TARGETS = Targets.builtins();

  @TempDir Path dir;

  private final ClickHouseHttp http = new ClickHouseHttp(ClickHouseDsn.parse(DSN));

  @BeforeEach
  void cleanDatabase() {
    http.execute("DROP DATABASE IF EXISTS " + ClickHouseSink.quote(http.dsn().database()));
  }

  static TargetProfile profile(Map<String, String> options) {
    return new TargetProfile("ch", "ch", "clickhouse", DSN, null, options);
  }

  static Column col(String name, ColumnType type, double nullRate, String gen, Object... params) {
    Map<String, Object> p = new LinkedHashMap<>();
    for (int i = 0; i < params.length; i += 2) {
      p.put((String) params[i], params[i + 1]);
    }
    return new Column(name, type, nullRate > 0, nullRate, false, new GeneratorSpec(gen, p));
  }

  /** customers with a signup time series, orders with a foreign key, a random time and text. */
  static CompiledPlan shop(long customers, long orders) {
    Entity c =
        new Entity(
            "customers",
            "customers",
            customers,
            List.of(
                col("id", ColumnType.BIGINT, 0, "sequence", "start", 1),
                col("cid", ColumnType.UUID, 0, "uuid4"),
                col("name", ColumnType.STRING, 0, "faker_name"),
                col(
                    "signup",
                    ColumnType.TIMESTAMP,
                    0,
                    "time_series",
                    "start",
                    "-200d",
                    "step",
                    "1h")));
    Entity o =
        new Entity(
            "orders",
            "orders",
            orders,
            List.of(
                col("id", ColumnType.BIGINT, 0, "sequence", "start", 1),
                col(
                    "customer_id",
                    ColumnType.BIGINT,
                    0,
                    "fk",
                    "entity",
                    "customers",
                    "column",
                    "id"),
                col("customer", ColumnType.UUID, 0.1, "fk", "entity", "customers", "column", "cid"),
                col(
                    "placed_at",
                    ColumnType.TIMESTAMP,
                    0,
                    "timestamp_between",
                    "start",
                    "-120d",
                    "end",
                    "0d"),
                col("amount", ColumnType.DOUBLE, 0, "normal", "mean", 100.0, "std", 30.0),
                col("qty", ColumnType.INT, 0.2, "uniform_int", "min", -5, "max", 50),
                col("paid", ColumnType.BOOL, 0.3, "bool", "p", 0.4),
                col("day", ColumnType.DATE, 0.2, "date_between", "start", "-400d", "end", "0d"),
                col(
                    "note",
                    ColumnType.STRING,
                    0.1,
                    "choice",
                    "values",
                    List.of(
                        "plain", "tab\there", "back\\slash", "new\nline\r", "ünïcødé ✓", "\\N"))));
    Scenario s =
        new Scenario(
            "ch-test",
            "ch test",
            "1",
            null,
            7L,
            Instant.parse("2026-01-15T12:00:00Z"),
            List.of(c, o));
    return new PlanCompiler(GeneratorRegistry.builtins())
        .compile(s, RunOverrides.NONE.withSeed(7L));
  }

  static void run(CompiledPlan plan, Sink sink, TableMode mode, int parallelism, int batch) {
    try (sink) {
      new RunEngine(parallelism, batch)
          .run(plan, sink, mode, Map.of(), RunListener.NONE, new CancelToken());
    }
  }

  private long count(String table) {
    return Long.parseLong(http.scalar("SELECT count() FROM " + DB + "." + table));
  }

  private Map<String, Long> partitions(String table) {
    Map<String, Long> out = new TreeMap<>();
    for (String[] r :
        http.rows(
            "SELECT partition, sum(rows) FROM system.parts WHERE database = '"
                + DB
                + "' AND table = '"
                + table
                + "' AND active GROUP BY partition")) {
      out.put(r[0], Long.parseLong(r[1]));
    }
    return out;
  }

  private static List<String[]> scan(TargetProfile target, String table, List<String> cols) {
    List<String[]> rows = new ArrayList<>();
    try (TableSource s = TableSources.open(target)) {
      s.scan(table, cols, "id", v -> rows.add(v.clone()));
    }
    return rows;
  }

  @Test
  void timestampsAndForeignKeysLandExactlyAsTheCsvTargetWritesThem() {
    CompiledPlan plan = shop(500, 20_000);
    run(plan, TARGETS.open(profile(Map.of())), TableMode.TRUNCATE_THEN_INSERT, 2, 3000);
    TargetProfile csv = new TargetProfile("csv", "csv", "csv", dir.toString(), null, Map.of());
    run(plan, TARGETS.open(csv), TableMode.TRUNCATE_THEN_INSERT, 1, 4096);

    assertEquals(500, count("customers"));
    assertEquals(20_000, count("orders"));
    String ddl = http.scalar("SHOW CREATE TABLE " + DB + ".orders");
    assertTrue(ddl.contains("ENGINE = MergeTree"), ddl);
    assertTrue(ddl.contains("PARTITION BY toYYYYMM(placed_at)"), ddl);
    assertTrue(ddl.contains("ORDER BY id"), ddl);
    assertTrue(ddl.contains("customer Nullable(UUID)"), ddl);

    boolean secondsOnly = !ClickHouseSink.atLeast(http.scalar("SELECT version()"), 20, 1);
    for (String table : List.of("customers", "orders")) {
      List<String> cols = new ArrayList<>();
      try (TableSource s = TableSources.open(csv)) {
        cols.addAll(s.columns(table));
      }
      List<String[]> want = scan(csv, table, cols);
      List<String[]> have = scan(profile(Map.of()), table, cols);
      assertEquals(want.size(), have.size(), table);
      for (int r = 0; r < want.size(); r++) {
        for (int c = 0; c < cols.size(); c++) {
          String w = want.get(r)[c];
          String h = have.get(r)[c];
          String where = table + "." + cols.get(c) + " row " + r;
          if (w == null || h == null) {
            assertEquals(w, h, where);
          } else if (cols.get(c).equals("amount")) {
            assertEquals(Double.parseDouble(w), Double.parseDouble(h), where); // bit for bit
          } else if (secondsOnly
              && (cols.get(c).equals("placed_at") || cols.get(c).equals("signup"))) {
            long ms = Instant.parse(w).toEpochMilli();
            assertEquals(
                Instant.ofEpochMilli(Math.floorDiv(ms, 1000) * 1000), Instant.parse(h), where);
          } else {
            assertEquals(w, h, where);
          }
        }
      }
    }

    // the fidelity/profile read-back: a sample knows the row count and holds syngen's forms
    try (TableSource s = TableSources.open(profile(Map.of()))) {
      TableSource.Sample sample = s.sample("orders", List.of("id", "paid", "placed_at"), 100, 1L);
      assertEquals(20_000, sample.rows());
      assertEquals(100, sample.values().size());
      for (String[] v : sample.values()) {
        assertTrue(v[1] == null || v[1].equals("true") || v[1].equals("false"), v[1]);
        Instant.parse(v[2]);
      }
      SinkException missing = assertThrows(SinkException.class, () -> s.columns("nope"));
      assertTrue(missing.getMessage().contains("no such table"), missing.getMessage());
    }

    // partitions as planned: the months of placed_at, computed from the CSV rows
    Map<String, Long> months = new TreeMap<>();
    for (String[] row : scan(csv, "orders", List.of("placed_at"))) {
      String m = row[0].substring(0, 4) + row[0].substring(5, 7);
      months.merge(m, 1L, Long::sum);
    }
    assertEquals(months, partitions("orders"));
    assertTrue(months.size() >= 4, "120 days span at least four months: " + months);
    // every order's customer exists
    assertEquals(
        "0",
        http.scalar(
            "SELECT count() FROM "
                + DB
                + ".orders WHERE customer_id NOT IN (SELECT id FROM "
                + DB
                + ".customers)"));
  }

  @Test
  void appendAddsRowsTruncateReplacesThemAndPartitionByNoneAndTupleOrder() {
    CompiledPlan plan = shop(50, 1000);
    TargetProfile p = profile(Map.of("partition_by.customers", "none"));
    run(plan, TARGETS.open(p), TableMode.CREATE_IF_MISSING, 1, 300);
    run(plan, TARGETS.open(p), TableMode.APPEND_ONLY, 1, 300);
    assertEquals(2000, count("orders"));
    assertEquals(Map.of("tuple()", 100L), partitions("customers"));
    run(plan, TARGETS.open(p), TableMode.TRUNCATE_THEN_INSERT, 1, 300);
    assertEquals(1000, count("orders"));
    assertEquals(50, count("customers"));
  }

  @Test
  void anExistingTableThatDoesNotFitFailsTheRunWithEveryProblemAndChangesNothing() {
    http.execute("CREATE DATABASE " + DB);
    http.execute(
        "CREATE TABLE "
            + DB
            + ".orders (id Int64, customer_id String, placed_at DateTime, extra Int32)"
            + " ENGINE = MergeTree() ORDER BY id");
    http.execute(
        "INSERT INTO " + DB + ".orders (id, customer_id, placed_at, extra) VALUES (1, 'x', 0, 1)");
    Sink sink = TARGETS.open(profile(Map.of()));
    SinkException e =
        assertThrows(
            SinkException.class,
            () -> sink.prepare(shop(5, 5).entities(), TableMode.TRUNCATE_THEN_INSERT));
    String m = e.getMessage();
    assertTrue(m.contains("nothing was changed"), m);
    assertTrue(m.contains("column customer_id is String"), m);
    assertTrue(m.contains("has no column amount"), m);
    assertTrue(m.contains("column extra is NOT NULL without a default"), m);
    assertEquals(1, count("orders"), "not truncated");
    assertEquals(
        "0",
        http.scalar(
            "SELECT count() FROM system.tables WHERE database = '"
                + DB
                + "' AND name = 'customers'"));
  }

  @Test
  void thePostIngestionCheckCatchesRowsTheRunDidNotPlan() {
    CompiledPlan plan = shop(10, 10);
    ClickHouseSink sink = (ClickHouseSink) TARGETS.open(profile(Map.of()));
    sink.prepare(plan.entities(), TableMode.TRUNCATE_THEN_INSERT);
    CompiledEntity customers = plan.entities().get(0);
    var w = sink.open(customers, 0);
    w.write(w.encode(new RowBatch(customers, 10).fill(0, 10)));
    http.execute(
        "INSERT INTO "
            + DB
            + ".customers (id, cid, name, signup) SELECT 99, generateUUIDv4(), 'x', now()");
    SinkException e = assertThrows(SinkException.class, () -> w.endOfEntity(10));
    assertTrue(e.getMessage().contains("holds 11 rows, the plan expects 10"), e.getMessage());
  }

  @Test
  void invalidDsnsAndOptionsNameTheFieldAndWriteNothing() {
    Map<String, String> bad =
        Map.of(
            "postgres://h/db", "dsn",
            "clickhouse://127.0.0.1:9000/db", "dsn",
            "clickhouse://127.0.0.1:80x/db", "dsn",
            "clickhouse://127.0.0.1:8123/bad-name", "dsn",
            "clickhouse://127.0.0.1:8123/db?x=1", "dsn");
    bad.forEach(
        (dsn, field) -> {
          Problems problems = new Problems();
          TARGETS.validate(
              new TargetProfile("ch", "ch", "clickhouse", dsn, null, Map.of()), problems);
          assertFalse(problems.isEmpty(), dsn);
          assertTrue(problems.list().toString().contains(field), problems.list().toString());
        });
    Problems problems = new Problems();
    TARGETS.validate(
        new TargetProfile(
            "ch", "ch", "clickhouse", DSN, "s", Map.of("bogus", "1", "partition_by", "x; DROP")),
        problems);
    String all = problems.list().toString();
    assertTrue(all.contains("schema"), all);
    assertTrue(all.contains("options.bogus"), all);
    assertTrue(all.contains("options.partition_by"), all);

    // ttl on a server without TTL: a clear error naming the option, and nothing created
    if (!ClickHouseSink.atLeast(http.scalar("SELECT version()"), 19, 6)) {
      Sink sink = TARGETS.open(profile(Map.of("ttl", "placed_at + INTERVAL 30 DAY")));
      SinkException e =
          assertThrows(
              SinkException.class,
              () -> sink.prepare(shop(1, 1).entities(), TableMode.CREATE_IF_MISSING));
      assertTrue(
          e.getMessage().startsWith("options.ttl: TTL needs ClickHouse 19.6"), e.getMessage());
      assertEquals(
          "0", http.scalar("SELECT count() FROM system.databases WHERE name = '" + DB + "'"));
    }
    // a partition expression the server refuses names the option
    Sink sink = TARGETS.open(profile(Map.of("partition_by.orders", "toYYYYMM(no_such_column)")));
    SinkException e =
        assertThrows(
            SinkException.class, () -> run(shop(1, 1), sink, TableMode.CREATE_IF_MISSING, 1, 10));
    assertTrue(e.getMessage().contains("options.partition_by"), e.getMessage());
  }

  @Test
  void targetTestReportsTheServerAndHidesThePassword() {
    TargetTestResult ok = TARGETS.test(profile(Map.of()));
    assertTrue(ok.ok(), String.valueOf(ok.error()));
    assertTrue(ok.serverVersion().startsWith("ClickHouse "), ok.serverVersion());
    assertTrue(ok.canCreate() && ok.canInsert() && ok.canTruncate());

    TargetTestResult bad =
        TARGETS.test(
            new TargetProfile(
                "ch",
                "ch",
                "clickhouse",
                "clickhouse://default:s3cr3tpw@127.0.0.1:8123/" + DB,
                null,
                Map.of()));
    assertFalse(bad.ok());
    assertFalse(bad.error().contains("s3cr3tpw"), bad.error());
    assertTrue(bad.error().contains("password"), bad.error());

    TargetTestResult down =
        TARGETS.test(
            new TargetProfile(
                "ch",
                "ch",
                "clickhouse",
                "clickhouse://u:s3cr3tpw@127.0.0.1:1/" + DB,
                null,
                Map.of()));
    assertFalse(down.ok());
    assertFalse(down.error().contains("s3cr3tpw"), down.error());
    assertNull(down.serverVersion());
  }
}
