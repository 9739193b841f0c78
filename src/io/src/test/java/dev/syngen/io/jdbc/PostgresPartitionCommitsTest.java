package dev.syngen.io.jdbc;

import static dev.syngen.io.jdbc.JdbcFixtures.allTypes;
import static dev.syngen.io.jdbc.JdbcFixtures.plan;
import static dev.syngen.io.jdbc.PgTestDatabase.queryLong;
import static dev.syngen.io.jdbc.PgTestDatabase.sink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.engine.RangeWriter;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.engine.RunCancelledException;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.TableMode;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A range's rows and its partition marker commit together, or neither does. */
class PostgresPartitionCommitsTest {
  private static PgTestDatabase db;

  @BeforeAll
  static void start() {
    db = new PgTestDatabase("parts");
  }

  @AfterAll
  static void dropSchemas() throws SQLException {
    db.close();
  }

  @Test
  void aCommittedRangeMovesTheMarkerAndAnAbandonedOneLeavesNothing() throws SQLException {
    String schema = db.schema("markers");
    CompiledPlan plan = plan(allTypes(1000));
    CompiledEntity e = JdbcFixtures.entity(plan, "things");
    PostgresCopySink sink = sink(schema, "binary");
    sink.prepare(plan.included(), TableMode.CREATE_IF_MISSING);
    sink.prepareMarkers();
    sink.prepareMarkers();
    assertEquals(OptionalLong.empty(), sink.committedNext("r1", e, 500));

    new RangeWriter(128).write(sink, "r1", e, 500, 500, 800);
    assertEquals(OptionalLong.of(800), sink.committedNext("r1", e, 500));
    assertEquals(300, queryLong("SELECT count(*) FROM \"" + schema + "\".things"));

    // a crash mid-chunk: rows sent but never finished are rolled back with their marker
    EntityWriter<?> abandoned = sink.openRange("r1", e, 500, 800, 1000);
    write(abandoned, e, 800, 200);
    abandoned.close();
    assertEquals(OptionalLong.of(800), sink.committedNext("r1", e, 500));
    assertEquals(300, queryLong("SELECT count(*) FROM \"" + schema + "\".things"));

    new RangeWriter(128).write(sink, "r1", e, 500, 800, 1000);
    assertEquals(200, queryLong("SELECT count(*) FROM \"" + schema + "\".things WHERE id >= 800"));
    sink.forgetMarkers("r1");
    assertTrue(sink.committedNext("r1", e, 500).isEmpty());
  }

  @Test
  void aRangeStoppedBetweenBatchesKeepsNoneOfItsRows() throws SQLException {
    String schema = db.schema("stopped");
    CompiledPlan plan = plan(allTypes(1000));
    CompiledEntity e = JdbcFixtures.entity(plan, "things");
    PostgresCopySink sink = sink(schema, "binary");
    sink.prepare(plan.included(), TableMode.CREATE_IF_MISSING);
    sink.prepareMarkers();
    new RangeWriter(100).write(sink, "r2", e, 0, 0, 300);

    int[] asked = {0};
    RunCancelledException stopped =
        assertThrows(
            RunCancelledException.class,
            () -> new RangeWriter(100).write(sink, "r2", e, 0, 300, 1000, () -> ++asked[0] > 3));
    assertTrue(stopped.getMessage().contains("after 300 rows"), stopped.getMessage());
    assertEquals(4, asked[0], "asked before each batch");
    assertEquals(OptionalLong.of(300), sink.committedNext("r2", e, 0));
    assertEquals(300, queryLong("SELECT count(*) FROM \"" + schema + "\".things"));
  }

  @Test
  void twoWritersOfTheSameRangeAtOnceLeaveItOnce() throws Exception {
    String schema = db.schema("twice");
    CompiledPlan plan = plan(allTypes(1000));
    CompiledEntity e = JdbcFixtures.entity(plan, "things");
    PostgresCopySink first = sink(schema, "binary");
    PostgresCopySink second = sink(schema, "binary");
    first.prepare(plan.included(), TableMode.CREATE_IF_MISSING);
    first.prepareMarkers();
    new RangeWriter(100).write(first, "r3", e, 0, 0, 200);

    // the first writer holds the marker of [200, 600) while its rows are in flight; the second,
    // given the same chunk (sent again to another server), waits for it and then writes nothing
    EntityWriter<?> holding = first.openRange("r3", e, 0, 200, 600);
    write(holding, e, 200, 400);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Long> again =
          pool.submit(() -> new RangeWriter(100).write(second, "r3", e, 0, 200, 600));
      Thread.sleep(500);
      assertFalse(again.isDone(), "the second writer waits for the marker's lock");
      holding.finish();
      holding.close();
      assertEquals(0L, again.get(30, TimeUnit.SECONDS), "bytes the second writer wrote");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(OptionalLong.of(600), first.committedNext("r3", e, 0));
    assertEquals(600, queryLong("SELECT count(*) FROM \"" + schema + "\".things"));
    assertEquals(600, queryLong("SELECT count(DISTINCT id) FROM \"" + schema + "\".things"));

    // a writer whose range starts inside what is committed writes only the rest
    new RangeWriter(100).write(second, "r3", e, 0, 400, 800);
    assertEquals(OptionalLong.of(800), second.committedNext("r3", e, 0));
    assertEquals(800, queryLong("SELECT count(DISTINCT id) FROM \"" + schema + "\".things"));
    assertEquals(800, queryLong("SELECT count(*) FROM \"" + schema + "\".things"));
  }

  @Test
  void aWriterRolledBackLetsTheWaitingOneWriteTheRange() throws Exception {
    String schema = db.schema("rolled");
    CompiledPlan plan = plan(allTypes(1000));
    CompiledEntity e = JdbcFixtures.entity(plan, "things");
    PostgresCopySink sink = sink(schema, "binary");
    sink.prepare(plan.included(), TableMode.CREATE_IF_MISSING);
    sink.prepareMarkers();

    // the first writer of a partition's first chunk dies before its commit (an executor killed)
    EntityWriter<?> lost = sink.openRange("r4", e, 0, 0, 300);
    write(lost, e, 0, 300);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Long> again = pool.submit(() -> new RangeWriter(100).write(sink, "r4", e, 0, 0, 300));
      Thread.sleep(500);
      assertFalse(again.isDone(), "the second writer waits for the marker's lock");
      lost.close();
      again.get(30, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(OptionalLong.of(300), sink.committedNext("r4", e, 0));
    assertEquals(300, queryLong("SELECT count(DISTINCT id) FROM \"" + schema + "\".things"));
    assertEquals(300, queryLong("SELECT count(*) FROM \"" + schema + "\".things"));
  }

  @SuppressWarnings("unchecked")
  private static <C> void write(EntityWriter<C> w, CompiledEntity e, long first, int n) {
    w.write(w.encode(new RowBatch(e, n).fill(first, n)));
  }
}
