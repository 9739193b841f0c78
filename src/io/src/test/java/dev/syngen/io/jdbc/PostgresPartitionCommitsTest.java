package dev.syngen.io.jdbc;

import static dev.syngen.io.jdbc.JdbcFixtures.allTypes;
import static dev.syngen.io.jdbc.JdbcFixtures.plan;
import static dev.syngen.io.jdbc.PgTestDatabase.queryLong;
import static dev.syngen.io.jdbc.PgTestDatabase.sink;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

  @SuppressWarnings("unchecked")
  private static <C> void write(EntityWriter<C> w, CompiledEntity e, long first, int n) {
    w.write(w.encode(new RowBatch(e, n).fill(first, n)));
  }
}
