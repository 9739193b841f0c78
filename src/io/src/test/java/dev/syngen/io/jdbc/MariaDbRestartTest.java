package dev.syngen.io.jdbc;

import static dev.syngen.io.jdbc.JdbcFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.engine.EntityProgress;
import dev.syngen.core.engine.RangeWriter;
import dev.syngen.core.engine.ResumePoints;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunStatus;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.sink.TargetProfile;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A run into MariaDB that is interrupted and restarted holds exactly the rows of a run that was
 * not: on the small-run path (an entity is one transaction, so an unfinished one is not in the
 * table and starts again from row 0) and on the partitioned path (each range commits with its
 * partition marker, and a restart continues where the marker says).
 */
class MariaDbRestartTest {
  static String db;

  @BeforeAll
  static void name() {
    byte[] b = new byte[3];
    ThreadLocalRandom.current().nextBytes(b);
    db = "restart_it_maria_" + HexFormat.of().formatHex(b);
  }

  @AfterAll
  static void drop() throws SQLException {
    for (String suffix : List.of("_whole", "_failed", "_parts")) {
      execute("DROP DATABASE IF EXISTS " + db + suffix);
    }
  }

  private static MariaDbSink sink(String database) {
    return (MariaDbSink)
        new MariaDbSinkFactory()
            .open(
                new TargetProfile(
                    "maria", "maria", "mariadb", MariaDbSinkTest.DSN, database, Map.of()));
  }

  private static Connection connect() throws SQLException {
    return JdbcUrls.mariadb(MariaDbSinkTest.DSN).connect();
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Every row of a table as text, in key order: what "exactly the same rows" compares. */
  private static List<String> rows(String database, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + database + "." + table + " ORDER BY id")) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.append(rs.getString(i)).append('|');
        }
        out.add(row.toString());
      }
    }
    return out;
  }

  private static RunRecord failedAt(CompiledPlan plan, Map<String, Long> checkpoint) {
    List<EntityProgress> entities =
        plan.included().stream()
            .map(
                e ->
                    new EntityProgress(
                        e.name(), e.name(), e.rows(), checkpoint.getOrDefault(e.name(), 0L), 1))
            .toList();
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    return new RunRecord(
        "r",
        RunStatus.FAILED,
        "s",
        "s",
        "1",
        "src",
        "t",
        "t",
        "mariadb",
        "d",
        1,
        t,
        "h",
        "create",
        1,
        Map.of(),
        t,
        t,
        t,
        entities,
        "interrupted");
  }

  @Test
  void aRunThatFailsMidEntityAndRestartsHoldsExactlyTheRowsOfAnUninterruptedRun()
      throws SQLException {
    CompiledPlan plan = JdbcFixtures.customersAndOrders(300, 5_000);
    run(plan, sink(db + "_whole"), TableMode.TRUNCATE_THEN_INSERT, 2, 500);

    String failed = db + "_failed";
    // the connection is lost after three of the ten batches of orders
    Sink broken = new FailingSink(sink(failed), "orders", 4);
    assertThrows(
        SinkException.class, () -> run(plan, broken, TableMode.TRUNCATE_THEN_INSERT, 2, 500));
    assertEquals(300, rows(failed, "customers").size(), "a finished entity is committed");
    assertEquals(0, rows(failed, "orders").size(), "an unfinished one is rolled back whole");

    // the record may claim more or fewer rows than were sent: a crash saves it only now and then
    Map<String, Long> resume =
        ResumePoints.of(failedAt(plan, Map.of("customers", 300L, "orders", 1_200L)), true);
    assertEquals(Map.of("customers", 300L, "orders", 0L), resume);
    run(plan, sink(failed), TableMode.CREATE_IF_MISSING, resume, 2, 500);

    assertEquals(rows(db + "_whole", "customers"), rows(failed, "customers"));
    assertEquals(rows(db + "_whole", "orders"), rows(failed, "orders"));
  }

  @Test
  void aPartitionedRunInterruptedMidChunkResumesAtItsMarkersToExactlyTheSameRows()
      throws SQLException {
    CompiledPlan plan = JdbcFixtures.customersAndOrders(300, 5_000);
    CompiledEntity customers = JdbcFixtures.entity(plan, "customers");
    CompiledEntity orders = JdbcFixtures.entity(plan, "orders");
    String parts = db + "_parts";
    MariaDbSink sink = sink(parts);
    sink.prepare(plan.included(), TableMode.TRUNCATE_THEN_INSERT);
    sink.prepareMarkers();
    sink.prepareMarkers();
    RangeWriter chunks = new RangeWriter(256);
    chunks.write(sink, "r1", customers, 0, 0, 300);
    // orders in two partitions [0, 2500) and [2500, 5000), chunks of 1,000 rows
    chunks.write(sink, "r1", orders, 0, 0, 1_000);
    chunks.write(sink, "r1", orders, 2_500, 2_500, 3_500);
    assertEquals(OptionalLong.of(1_000), sink.committedNext("r1", orders, 0));
    assertEquals(OptionalLong.of(3_500), sink.committedNext("r1", orders, 2_500));

    // a crash mid-chunk: rows sent but never finished are rolled back with their marker
    EntityWriter<?> abandoned = sink.openRange("r1", orders, 0, 1_000, 2_000);
    write(abandoned, orders, 1_000, 700);
    abandoned.close();
    assertEquals(OptionalLong.of(1_000), sink.committedNext("r1", orders, 0));
    assertEquals(2_000, rows(parts, "orders").size());

    // the restart continues every partition at its marker (not at an older checkpoint)
    for (long first : new long[] {0, 2_500}) {
      long from = sink.committedNext("r1", orders, first).orElse(first);
      long end = first + 2_500;
      for (long at = from; at < end; at += 1_000) {
        chunks.write(sink, "r1", orders, first, at, Math.min(end, at + 1_000));
      }
    }
    assertEquals(OptionalLong.of(2_500), sink.committedNext("r1", orders, 0));
    assertEquals(OptionalLong.of(5_000), sink.committedNext("r1", orders, 2_500));

    String whole = db + "_whole";
    run(plan, sink(whole), TableMode.TRUNCATE_THEN_INSERT, 1, 500);
    assertEquals(rows(whole, "customers"), rows(parts, "customers"));
    assertEquals(rows(whole, "orders"), rows(parts, "orders"));
    sink.forgetMarkers("r1");
    assertTrue(sink.committedNext("r1", orders, 0).isEmpty());
  }

  @SuppressWarnings("unchecked")
  private static <C> void write(EntityWriter<C> w, CompiledEntity e, long first, int n) {
    w.write(w.encode(new RowBatch(e, n).fill(first, n)));
  }

  /** Loses the connection at the {@code failAt}-th batch of one entity. */
  private record FailingSink(Sink sink, String entity, int failAt) implements Sink {
    @Override
    public void prepare(List<CompiledEntity> entities, TableMode mode) {
      sink.prepare(entities, mode);
    }

    @Override
    public EntityWriter<?> open(CompiledEntity e, long startRow) {
      EntityWriter<?> w = sink.open(e, startRow);
      return e.name().equals(entity) ? failing(w) : w;
    }

    private <C> EntityWriter<C> failing(EntityWriter<C> w) {
      return new EntityWriter<>() {
        private int batches;

        @Override
        public C encode(RowBatch batch) {
          return w.encode(batch);
        }

        @Override
        public void write(C chunk) {
          if (++batches == failAt) {
            throw new SinkException("connection lost");
          }
          w.write(chunk);
        }

        @Override
        public void finish() {
          w.finish();
        }

        @Override
        public void close() {
          w.close();
        }
      };
    }

    @Override
    public void close() {
      sink.close();
    }
  }
}
