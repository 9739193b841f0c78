package dev.syngen.io.jdbc;

import static dev.syngen.io.jdbc.JdbcFixtures.allTypes;
import static dev.syngen.io.jdbc.JdbcFixtures.expected;
import static dev.syngen.io.jdbc.JdbcFixtures.plan;
import static dev.syngen.io.jdbc.JdbcFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.engine.ColumnVector;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.sink.TargetProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSinkTest {
  @TempDir Path dir;

  private static SqliteSink sink(Path file) {
    return (SqliteSink)
        new JdbcSinkFactory()
            .open(new TargetProfile("lite", "lite", "sqlite", "sqlite:" + file, null, Map.of()));
  }

  private static long queryLong(Path file, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(JdbcUrls.sqliteUrl(file));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> dump(Path file, String table) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(JdbcUrls.sqliteUrl(file));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          sb.append(rs.getString(i)).append('|');
        }
        rows.add(sb.toString());
      }
    }
    return rows;
  }

  @Test
  void everyColumnTypeRoundTripsWithNulls() throws SQLException {
    Path file = dir.resolve("nested/dirs/types.db");
    CompiledPlan plan = plan(allTypes(3000));
    run(plan, sink(file), TableMode.CREATE_IF_MISSING, 3, 256);

    CompiledEntity e = JdbcFixtures.entity(plan, "things");
    RowBatch want = JdbcFixtures.expectedRows(e);
    try (Connection c = DriverManager.getConnection(JdbcUrls.sqliteUrl(file));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM things ORDER BY id")) {
      int row = 0;
      while (rs.next()) {
        for (int col = 0; col < want.columnCount(); col++) {
          ColumnVector v = want.column(col);
          String where = e.columns().get(col).name() + " at row " + row;
          assertEquals(expected(v, row), read(rs, col + 1, v), where);
        }
        row++;
      }
      assertEquals(3000, row);
    }
  }

  private static Object read(ResultSet rs, int col, ColumnVector v) throws SQLException {
    if (rs.getObject(col) == null) {
      return null;
    }
    return switch (v.kind) {
      case LONG -> rs.getLong(col);
      case DOUBLE -> rs.getDouble(col);
      case BOOL ->
          switch ((int) rs.getLong(col)) {
            case 0 -> false;
            case 1 -> true;
            default -> "not 0/1: " + rs.getLong(col);
          };
      case TIMESTAMP -> Instant.parse(rs.getString(col));
      case DATE -> LocalDate.parse(rs.getString(col));
      case UUID -> UUID.fromString(rs.getString(col));
      case STRING -> rs.getString(col);
    };
  }

  @Test
  void parallelismAndBatchSizeDoNotChangeTheData() throws SQLException {
    CompiledPlan plan = plan(allTypes(10_001));
    Path one = dir.resolve("one.db");
    Path four = dir.resolve("four.db");
    run(plan, sink(one), TableMode.CREATE_IF_MISSING, 1, 4096);
    run(plan, sink(four), TableMode.CREATE_IF_MISSING, 4, 333);
    List<String> a = dump(one, "things");
    assertEquals(10_001, a.size());
    assertEquals(a, dump(four, "things"));
  }

  @Test
  void foreignKeysAllExistInTheParentAndCountsAreExact() throws SQLException {
    Path file = dir.resolve("fk.db");
    run(
        JdbcFixtures.customersAndOrders(250, 9_999),
        sink(file),
        TableMode.CREATE_IF_MISSING,
        2,
        1000);
    assertEquals(250, queryLong(file, "SELECT count(*) FROM customers"));
    assertEquals(9_999, queryLong(file, "SELECT count(*) FROM orders"));
    String orphans =
        "SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE %s)";
    assertEquals(0, queryLong(file, orphans.formatted("c.cid = o.customer")));
    assertEquals(0, queryLong(file, orphans.formatted("c.id = o.customer_id")));
    assertTrue(queryLong(file, "SELECT count(DISTINCT customer) FROM orders") > 50);
  }

  @Test
  void truncateModeEmptiesFirstAndAppendAdds() throws SQLException {
    Path file = dir.resolve("modes.db");
    CompiledPlan plan = JdbcFixtures.customersAndOrders(100, 1000);
    run(plan, sink(file), TableMode.CREATE_IF_MISSING, 2, 300);
    run(plan, sink(file), TableMode.APPEND_ONLY, 2, 300);
    assertEquals(2000, queryLong(file, "SELECT count(*) FROM orders"));
    run(plan, sink(file), TableMode.TRUNCATE_THEN_INSERT, 2, 300);
    assertEquals(1000, queryLong(file, "SELECT count(*) FROM orders"));
    assertEquals(100, queryLong(file, "SELECT count(*) FROM customers"));
  }

  @Test
  void anIncompatibleExistingTableFailsBeforeAnythingIsWritten() throws SQLException {
    Path file = dir.resolve("incompatible.db");
    try (Connection c = DriverManager.getConnection(JdbcUrls.sqliteUrl(file));
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE orders (id INTEGER, customer TEXT, customer_id TEXT, amount REAL)");
    }
    CompiledPlan plan = JdbcFixtures.customersAndOrders(10, 10);

    SinkException ex =
        assertThrows(
            SinkException.class,
            () -> run(plan, sink(file), TableMode.TRUNCATE_THEN_INSERT, 1, 100));

    String m = ex.getMessage();
    assertTrue(m.contains("table orders, column customer_id is TEXT"), m);
    assertTrue(m.contains("fix: change the column to INTEGER"), m);
    assertEquals(0, queryLong(file, "SELECT count(*) FROM sqlite_schema WHERE name = 'customers'"));
    assertEquals(0, queryLong(file, "SELECT count(*) FROM orders"));
  }

  @Test
  void aMissingDatabaseFileIsCreatedWithItsDirectories() {
    Path file = dir.resolve("a/b/c.db");
    assertFalse(Files.exists(file));
    run(JdbcFixtures.customersAndOrders(5, 5), sink(file), TableMode.CREATE_IF_MISSING, 1, 10);
    assertTrue(Files.exists(file));
  }
}
