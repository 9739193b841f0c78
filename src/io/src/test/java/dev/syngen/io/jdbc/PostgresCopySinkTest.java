package dev.syngen.io.jdbc;

import static dev.syngen.io.jdbc.JdbcFixtures.allTypes;
import static dev.syngen.io.jdbc.JdbcFixtures.col;
import static dev.syngen.io.jdbc.JdbcFixtures.entity;
import static dev.syngen.io.jdbc.JdbcFixtures.expected;
import static dev.syngen.io.jdbc.JdbcFixtures.plan;
import static dev.syngen.io.jdbc.JdbcFixtures.run;
import static dev.syngen.io.jdbc.PgTestDatabase.execute;
import static dev.syngen.io.jdbc.PgTestDatabase.queryLong;
import static dev.syngen.io.jdbc.PgTestDatabase.sink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.engine.ColumnVector;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TableMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresCopySinkTest {
  private static PgTestDatabase db;

  @BeforeAll
  static void start() {
    db = new PgTestDatabase("copy");
  }

  @AfterAll
  static void dropSchemas() throws SQLException {
    db.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"binary", "text"})
  void everyColumnTypeRoundTripsWithNulls(String format) throws SQLException {
    String schema = db.schema("types_" + format);
    CompiledPlan plan = plan(allTypes(3000));
    run(plan, sink(schema, format), TableMode.CREATE_IF_MISSING, 3, 256);

    CompiledEntity e = JdbcFixtures.entity(plan, "things");
    RowBatch want = JdbcFixtures.expectedRows(e);
    int nulls = 0;
    try (Connection c = PgTestDatabase.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM \"" + schema + "\".things ORDER BY id")) {
      int row = 0;
      while (rs.next()) {
        for (int col = 0; col < want.columnCount(); col++) {
          ColumnVector v = want.column(col);
          Object got = read(rs, col + 1, v);
          nulls += got == null ? 1 : 0;
          String where = e.columns().get(col).name() + " at row " + row;
          assertEquals(expected(v, row), got, where);
        }
        row++;
      }
      assertEquals(3000, row);
    }
    assertTrue(nulls > 1000, "null_rate columns produced nulls: " + nulls);
  }

  private static Object read(ResultSet rs, int col, ColumnVector v) throws SQLException {
    Object value =
        switch (v.kind) {
          case LONG -> rs.getLong(col);
          case DOUBLE -> rs.getDouble(col);
          case BOOL -> rs.getBoolean(col);
          case TIMESTAMP -> {
            OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
            yield t == null ? null : t.toInstant();
          }
          case DATE -> rs.getObject(col, LocalDate.class);
          case UUID -> rs.getObject(col, UUID.class);
          case STRING -> rs.getString(col);
        };
    return rs.wasNull() ? null : value;
  }

  @Test
  void binaryAndTextCopyProduceTheSameTable() throws SQLException {
    String bin = db.schema("same_bin");
    String txt = db.schema("same_txt");
    CompiledPlan plan = plan(allTypes(5000));
    run(plan, sink(bin, "binary"), TableMode.CREATE_IF_MISSING, 2, 700);
    run(plan, sink(txt, "text"), TableMode.CREATE_IF_MISSING, 2, 700);
    assertSameContents(bin, txt, "things", 5000);
  }

  @Test
  void parallelismDoesNotChangeTheData() throws SQLException {
    String one = db.schema("par1");
    String four = db.schema("par4");
    CompiledPlan plan = plan(allTypes(10_001));
    run(plan, sink(one, "binary"), TableMode.CREATE_IF_MISSING, 1, 4096);
    run(plan, sink(four, "binary"), TableMode.CREATE_IF_MISSING, 4, 333);
    assertSameContents(one, four, "things", 10_001);
  }

  private static void assertSameContents(String a, String b, String table, long rows)
      throws SQLException {
    String ta = "\"" + a + "\"." + table;
    String tb = "\"" + b + "\"." + table;
    assertEquals(rows, queryLong("SELECT count(*) FROM " + ta));
    assertEquals(rows, queryLong("SELECT count(*) FROM " + tb));
    String diff = "SELECT count(*) FROM (SELECT * FROM %s EXCEPT ALL SELECT * FROM %s) d";
    assertEquals(0, queryLong(diff.formatted(ta, tb)), a + " has rows " + b + " lacks");
    assertEquals(0, queryLong(diff.formatted(tb, ta)), b + " has rows " + a + " lacks");
  }

  @Test
  void rowCountsAreExactAndTablesGetTheDeclaredTypes() throws SQLException {
    String schema = db.schema("counts");
    CompiledPlan plan = JdbcFixtures.customersAndOrders(1_234, 20_001);
    run(plan, sink(schema, "binary"), TableMode.CREATE_IF_MISSING, 2, 1000);
    assertEquals(1_234, queryLong("SELECT count(*) FROM \"" + schema + "\".customers"));
    assertEquals(20_001, queryLong("SELECT count(*) FROM \"" + schema + "\".orders"));
    assertEquals(
        1,
        queryLong(
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = '"
                + schema
                + "' AND table_name = 'orders' AND column_name = 'amount'"
                + " AND data_type = 'double precision'"));
  }

  @Test
  void foreignKeysAllExistInTheParent() throws SQLException {
    String schema = db.schema("fk");
    CompiledPlan plan = JdbcFixtures.customersAndOrders(300, 8000);
    run(plan, sink(schema, "binary"), TableMode.CREATE_IF_MISSING, 2, 1000);
    String q = "\"" + schema + "\".";
    String orphans =
        "SELECT count(*) FROM %sorders o WHERE NOT EXISTS (SELECT 1 FROM %scustomers c WHERE %s)";
    assertEquals(0, queryLong(orphans.formatted(q, q, "c.cid = o.customer")));
    assertEquals(0, queryLong(orphans.formatted(q, q, "c.id = o.customer_id")));
    assertTrue(queryLong("SELECT count(DISTINCT customer) FROM " + q + "orders") > 50);
  }

  @Test
  void truncateModeEmptiesFirstAndAppendAdds() throws SQLException {
    String schema = db.schema("modes");
    CompiledPlan plan = JdbcFixtures.customersAndOrders(100, 1000);
    String orders = "\"" + schema + "\".orders";
    run(plan, sink(schema, "binary"), TableMode.CREATE_IF_MISSING, 2, 300);
    run(plan, sink(schema, "binary"), TableMode.APPEND_ONLY, 2, 300);
    assertEquals(2000, queryLong("SELECT count(*) FROM " + orders));
    run(plan, sink(schema, "text"), TableMode.TRUNCATE_THEN_INSERT, 2, 300);
    assertEquals(1000, queryLong("SELECT count(*) FROM " + orders));
    assertEquals(1000, queryLong("SELECT count(DISTINCT id) FROM " + orders));
  }

  @Test
  void anIncompatibleExistingTableFailsBeforeAnythingIsWritten() throws SQLException {
    String schema = db.schema("incompatible");
    execute("CREATE SCHEMA \"" + schema + "\"");
    execute(
        "CREATE TABLE \""
            + schema
            + "\".orders (id bigint, customer uuid, amount text,"
            + " note text NOT NULL)");
    CompiledPlan plan = JdbcFixtures.customersAndOrders(10, 10);

    SinkException ex =
        assertThrows(
            SinkException.class,
            () -> run(plan, sink(schema, "binary"), TableMode.CREATE_IF_MISSING, 1, 100));

    String m = ex.getMessage();
    assertTrue(m.contains(schema + ".orders, column amount is text"), m);
    assertTrue(m.contains("double precision"), m);
    assertTrue(m.contains("no column customer_id"), m);
    assertTrue(m.contains("column note is NOT NULL without a default"), m);
    assertTrue(m.contains("fix:"), m);
    assertEquals(
        0,
        queryLong(
            "SELECT count(*) FROM pg_tables WHERE schemaname = '"
                + schema
                + "' AND tablename = 'customers'"),
        "the compatible parent table was not created");
    assertEquals(0, queryLong("SELECT count(*) FROM \"" + schema + "\".orders"));
  }

  @Test
  void existingCompatibleTablesAreFilledThroughTheirOwnTypes() throws SQLException {
    String schema = db.schema("widen");
    execute("CREATE SCHEMA \"" + schema + "\"");
    execute(
        "CREATE TABLE \""
            + schema
            + "\".t (extra serial, n bigint, x real,"
            + " at timestamp, s varchar(40))");
    CompiledPlan plan =
        plan(
            entity(
                "t",
                500,
                col("n", ColumnType.INT, "sequence", "start", 1),
                col("x", ColumnType.FLOAT, "uniform_float", "min", 0.0, "max", 1.0),
                col(
                    "at",
                    ColumnType.TIMESTAMP,
                    "time_series",
                    "start",
                    "2026-01-01T00:00:00Z",
                    "step",
                    "1h"),
                col("s", ColumnType.STRING, "pattern", "pattern", "S-###")));
    run(plan, sink(schema, "binary"), TableMode.CREATE_IF_MISSING, 2, 128);
    String t = "\"" + schema + "\".t";
    assertEquals(500 * 501 / 2, queryLong("SELECT sum(n) FROM " + t));
    assertEquals(500, queryLong("SELECT count(*) FROM " + t + " WHERE x >= 0 AND x < 1"));
    assertEquals(
        1, queryLong("SELECT count(*) FROM " + t + " WHERE n = 25 AND at = '2026-01-02 00:00:00'"));
  }

  @Test
  void resumingAppendsTheMissingRowsOnly() throws SQLException {
    String full = db.schema("resume_full");
    String resumed = db.schema("resume_part");
    CompiledPlan plan = plan(allTypes(4000));
    run(plan, sink(full, "binary"), TableMode.CREATE_IF_MISSING, 2, 500);
    run(plan, sink(resumed, "binary"), TableMode.CREATE_IF_MISSING, 2, 500);
    execute("DELETE FROM \"" + resumed + "\".things WHERE id >= 1500");
    run(
        plan,
        sink(resumed, "binary"),
        TableMode.CREATE_IF_MISSING,
        Map.of("things", 1500L),
        2,
        500);
    assertSameContents(full, resumed, "things", 4000);
  }

  @Test
  void aFailingEntityLeavesNoRowsBehind() throws SQLException {
    String schema = db.schema("rollback");
    execute("CREATE SCHEMA \"" + schema + "\"");
    execute("CREATE TABLE \"" + schema + "\".t (n integer CHECK (n < 3000))");
    CompiledPlan plan = plan(entity("t", 5000, col("n", ColumnType.INT, "sequence", "start", 0)));

    SinkException ex =
        assertThrows(
            SinkException.class,
            () -> run(plan, sink(schema, "binary"), TableMode.CREATE_IF_MISSING, 2, 500));

    assertTrue(ex.getMessage().contains("check constraint"), ex.getMessage());
    assertTrue(ex.getMessage().contains("entity t"), ex.getMessage());
    assertEquals(0, queryLong("SELECT count(*) FROM \"" + schema + "\".t"));
  }
}
