package dev.syngen.io.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.engine.CancelToken;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.engine.RunEngine;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.lifecycle.EventTimeMerge;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.traffic.Speed;
import dev.syngen.core.traffic.Traffic;
import dev.syngen.core.traffic.TrafficMode;
import dev.syngen.io.encode.ByteBuf;
import dev.syngen.io.encode.JsonRecords;
import dev.syngen.io.yaml.ScenarioFiles;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A real consumer of the change stream: the Debezium envelopes of {@code orders_cdc}, replayed in
 * event-time order into a second PostgreSQL schema, end in exactly the final state that the run
 * writes directly into {@code orders} (less the deleted orders).
 */
class DebeziumReplayTest {
  private static final PgTestDatabase DB = new PgTestDatabase("cdc");

  @AfterAll
  static void drop() throws Exception {
    DB.close();
  }

  private static CompiledPlan plan() throws Exception {
    try (InputStream in = DebeziumReplayTest.class.getResourceAsStream("/lifecycle/orders.yaml")) {
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Fixtures.compile(ScenarioFiles.parse(yaml, "orders"), 7);
    }
  }

  @Test
  void replayedEnvelopesEqualTheDirectlyWrittenFinalState() throws Exception {
    CompiledPlan plan = plan();
    String direct = DB.schema("direct");
    String replay = DB.schema("replay");
    new RunEngine(2, 500)
        .run(
            plan,
            PgTestDatabase.sink(direct, "binary"),
            TableMode.CREATE_IF_MISSING,
            Map.of(),
            RunListener.NONE,
            new CancelToken());
    PgTestDatabase.execute("CREATE SCHEMA \"" + replay + "\"");
    PgTestDatabase.execute(
        "CREATE TABLE \"" + replay + "\".orders (LIKE \"" + direct + "\".orders)");
    CompiledEntity cdc = Fixtures.compiled(plan, "orders_cdc");
    EventTimeMerge merge =
        new EventTimeMerge(EventTimeMerge.lifecycleOf(plan.entities(), cdc), cdc, 300);
    JsonRecords json = new JsonRecords(cdc);
    RowBatch batch = new RowBatch(cdc, 1000);
    long[] times = new long[1000];
    ByteBuf buf = new ByteBuf(1024);
    long applied;
    try (Connection c = PgTestDatabase.connect()) {
      c.setAutoCommit(false);
      DebeziumApplier applier = new DebeziumApplier(c, replay, "orders");
      for (int n; (n = merge.next(batch, times, null, null, 1000, Long.MAX_VALUE)) > 0; ) {
        for (int i = 0; i < n; i++) {
          buf.clear();
          json.row(batch, i, buf);
          applier.apply(new String(buf.toArray(), StandardCharsets.UTF_8));
        }
      }
      c.commit();
      applied = applier.applied();
    }
    assertEquals(cdc.rows(), applied);
    long deleted =
        PgTestDatabase.queryLong(
            "SELECT count(*) FROM \"" + direct + "\".orders_cdc WHERE op = 'd'");
    assertTrue(deleted > 0);
    assertEquals(
        PgTestDatabase.queryLong("SELECT count(*) FROM \"" + direct + "\".orders") - deleted,
        PgTestDatabase.queryLong("SELECT count(*) FROM \"" + replay + "\".orders"));
    String diff =
        "SELECT count(*) FROM ((SELECT * FROM \"%1$s\".orders WHERE status <> 'cancelled'"
            + " EXCEPT SELECT * FROM \"%2$s\".orders) UNION ALL (SELECT * FROM \"%2$s\".orders"
            + " EXCEPT SELECT * FROM \"%1$s\".orders WHERE status <> 'cancelled')) d";
    assertEquals(0, PgTestDatabase.queryLong(String.format(diff, direct, replay)));
    assertEquals(
        "json",
        PgTestDatabase.queryString(
            "SELECT data_type FROM information_schema.columns WHERE table_schema = '"
                + direct
                + "' AND table_name = 'orders_cdc' AND column_name = 'after'"));
  }

  /** Writes the plan directly into a new schema, and returns the schema. */
  private static String writeDirectly(CompiledPlan plan) {
    String direct = DB.schema("direct" + System.nanoTime() % 100_000);
    run(plan, PgTestDatabase.sink(direct, "binary"), Traffic.UNLIMITED);
    return direct;
  }

  private static void run(CompiledPlan plan, Sink sink, Traffic traffic) {
    try (sink) {
      new RunEngine(2, 500, traffic)
          .run(
              plan,
              sink,
              TableMode.CREATE_IF_MISSING,
              Map.of(),
              RunListener.NONE,
              new CancelToken());
    }
  }

  private static void theTargetOptionAppliesTheChangeStream(Traffic traffic, String tag)
      throws Exception {
    CompiledPlan plan = plan();
    String direct = writeDirectly(plan);
    String applied = DB.schema("applied_" + tag);
    Sink sink = new JdbcSinkFactory().open(PgTestDatabase.profile(applied, Map.of("cdc", "apply")));
    run(plan, sink, traffic);
    assertEquals(
        0,
        PgTestDatabase.queryLong(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                + applied
                + "' AND table_name = 'orders_cdc'"),
        "the change stream is applied, not stored");
    assertEquals(
        1,
        PgTestDatabase.queryLong(
            "SELECT count(*) FROM pg_indexes WHERE schemaname = '"
                + applied
                + "' AND tablename = 'orders' AND indexdef LIKE '%(order_id)'"),
        "updates and deletes find their row by an index on the key");
    long deleted =
        PgTestDatabase.queryLong(
            "SELECT count(*) FROM \"" + direct + "\".orders_cdc WHERE op = 'd'");
    assertTrue(deleted > 0, "some orders are deleted (cancelled)");
    assertEquals(
        PgTestDatabase.queryLong("SELECT count(*) FROM \"" + direct + "\".orders") - deleted,
        PgTestDatabase.queryLong("SELECT count(*) FROM \"" + applied + "\".orders"));
    String diff =
        "SELECT count(*) FROM ((SELECT * FROM \"%1$s\".orders WHERE status <> 'cancelled'"
            + " EXCEPT SELECT * FROM \"%2$s\".orders) UNION ALL (SELECT * FROM \"%2$s\".orders"
            + " EXCEPT SELECT * FROM \"%1$s\".orders WHERE status <> 'cancelled')) d";
    assertEquals(0, PgTestDatabase.queryLong(String.format(diff, direct, applied)));
    assertEquals(
        PgTestDatabase.queryLong("SELECT count(*) FROM \"" + direct + "\".orders_events"),
        PgTestDatabase.queryLong("SELECT count(*) FROM \"" + applied + "\".orders_events"),
        "the other outputs are written as usual");
  }

  @Test
  void cdcApplyOptionEndsInTheDirectlyWrittenFinalStateInInstanceOrder() throws Exception {
    theTargetOptionAppliesTheChangeStream(Traffic.UNLIMITED, "inst");
  }

  @Test
  void cdcApplyOptionEndsInTheDirectlyWrittenFinalStateInEventTimeOrder() throws Exception {
    theTargetOptionAppliesTheChangeStream(
        new Traffic(null, TrafficMode.STEADY, null, null, null, 0, false, Speed.MAX), "time");
  }

  @Test
  void cdcApplyNeedsTheEntityItAppliesToAndAKnownMode() throws Exception {
    CompiledPlan plan = plan();
    String schema = DB.schema("alone");
    Sink sink = new JdbcSinkFactory().open(PgTestDatabase.profile(schema, Map.of("cdc", "apply")));
    List<CompiledEntity> onlyChanges = List.of(Fixtures.compiled(plan, "orders_cdc"));
    SinkException e =
        assertThrows(
            SinkException.class, () -> sink.prepare(onlyChanges, TableMode.CREATE_IF_MISSING));
    assertTrue(
        e.getMessage().contains("--include-entity orders --include-entity orders_cdc"),
        e.getMessage());
    Problems problems = new Problems();
    new JdbcSinkFactory()
        .validate(PgTestDatabase.profile(schema, Map.of("cdc", "replay")), problems);
    assertEquals(1, problems.list().size(), problems.list().toString());
    assertEquals("options.cdc", problems.list().get(0).path());
    assertTrue(problems.list().get(0).fix().contains("apply"), problems.list().toString());
  }

  @Test
  void malformedEnvelopesAreRefusedWithTheReason() throws Exception {
    String schema = DB.schema("bad");
    PgTestDatabase.execute("CREATE SCHEMA \"" + schema + "\"");
    PgTestDatabase.execute("CREATE TABLE \"" + schema + "\".orders (order_id bigint)");
    try (Connection c = PgTestDatabase.connect()) {
      DebeziumApplier a = new DebeziumApplier(c, schema, "orders");
      SinkException e =
          assertThrows(
              SinkException.class,
              () -> a.apply("{\"op\":\"u\",\"after\":{\"order_id\":1},\"source\":{},\"ts_ms\":1}"));
      assertTrue(e.getMessage().contains("op u needs before and after"), e.getMessage());
      e =
          assertThrows(
              SinkException.class, () -> a.apply("{\"op\":\"x\",\"source\":{},\"ts_ms\":1}"));
      assertTrue(e.getMessage().contains("op 'x'"), e.getMessage());
      e =
          assertThrows(
              SinkException.class,
              () ->
                  a.apply("{\"op\":\"d\",\"before\":{\"order_id\":9},\"source\":{},\"ts_ms\":1}"));
      assertTrue(e.getMessage().contains("changed 0 rows"), e.getMessage());
    }
  }
}
