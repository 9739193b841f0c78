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
import dev.syngen.core.fidelity.TableSource;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code mariadb} target against a real MariaDB server (127.0.0.1:3306, user root). */
class MariaDbSinkTest {
  static final String HOST =
      System.getenv().getOrDefault("SYNGEN_TEST_MARIADB_HOST", "127.0.0.1:3306");
  static final String DSN = "mariadb://root@" + HOST + "/test";
  static String db;

  @BeforeAll
  static void name() {
    byte[] b = new byte[3];
    ThreadLocalRandom.current().nextBytes(b);
    db = "sink_it_maria_" + HexFormat.of().formatHex(b);
  }

  @AfterAll
  static void drop() throws SQLException {
    execute("DROP DATABASE IF EXISTS " + db);
  }

  private static TargetProfile profile(String database) {
    return new TargetProfile("maria", "maria", "mariadb", DSN, database, Map.of());
  }

  private static MariaDbSink sink() {
    return (MariaDbSink) new MariaDbSinkFactory().open(profile(db));
  }

  private static Connection connect() throws SQLException {
    return JdbcUrls.mariadb(DSN).connect();
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long queryLong(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void everyColumnTypeRoundTripsWithNullsAndTimesStayUtc() throws SQLException {
    CompiledPlan plan = plan(allTypes(3000));
    run(plan, sink(), TableMode.TRUNCATE_THEN_INSERT, 3, 256);
    CompiledEntity e = JdbcFixtures.entity(plan, "things");
    RowBatch want = JdbcFixtures.expectedRows(e);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      // a session in another zone must still read the instants syngen wrote
      s.execute("SET time_zone = '+05:00'");
      try (ResultSet rs = s.executeQuery("SELECT * FROM " + db + ".things ORDER BY id")) {
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
  }

  private static Object read(ResultSet rs, int col, ColumnVector v) throws SQLException {
    if (rs.getObject(col) == null) {
      return null;
    }
    return switch (v.kind) {
      case LONG -> rs.getLong(col);
      case DOUBLE -> rs.getDouble(col);
      case BOOL -> rs.getBoolean(col);
      case TIMESTAMP -> rs.getObject(col, LocalDateTime.class).toInstant(ZoneOffset.UTC);
      case DATE -> rs.getObject(col, LocalDate.class);
      case UUID -> UUID.fromString(rs.getString(col));
      case STRING -> rs.getString(col);
    };
  }

  @Test
  void theFidelityReaderReadsTheSameInstantsBack() {
    CompiledPlan plan = plan(allTypes(500));
    run(plan, sink(), TableMode.TRUNCATE_THEN_INSERT, 2, 100);
    CompiledEntity e = JdbcFixtures.entity(plan, "things");
    RowBatch want = JdbcFixtures.expectedRows(e);
    int ts = -1;
    for (int c = 0; c < e.columns().size(); c++) {
      if (want.column(c).kind == dev.syngen.core.scenario.ValueKind.TIMESTAMP) {
        ts = c;
      }
    }
    assertTrue(ts >= 0, "the fixture has a timestamp column");
    String column = e.columns().get(ts).name();
    List<String> read = new ArrayList<>();
    try (TableSource source = JdbcTableSource.mariadb(DSN, db)) {
      source.scan("things", List.of("id", column), "id", values -> read.add(values[1]));
    }
    assertEquals(500, read.size());
    for (int i = 0; i < 500; i++) {
      Object w = expected(want.column(ts), i);
      assertEquals(
          w, read.get(i) == null ? null : java.time.Instant.parse(read.get(i)), "row " + i);
    }
  }

  @Test
  void foreignKeysOfTheTablesAreEnforcedWhileRowsArriveAndTruncateEmptiesThem()
      throws SQLException {
    execute("CREATE DATABASE IF NOT EXISTS " + db);
    execute("DROP TABLE IF EXISTS " + db + ".orders");
    execute("DROP TABLE IF EXISTS " + db + ".customers");
    execute(
        "CREATE TABLE "
            + db
            + ".customers (id bigint PRIMARY KEY, cid char(36) NOT NULL UNIQUE, name varchar(100))");
    execute(
        "CREATE TABLE "
            + db
            + ".orders (id bigint PRIMARY KEY, customer varchar(40), customer_id bigint NOT NULL"
            + " REFERENCES "
            + db
            + ".customers (id), amount decimal(12,2) CHECK (amount >= 0))");
    CompiledPlan plan = JdbcFixtures.customersAndOrders(250, 4_000);
    run(plan, sink(), TableMode.APPEND_ONLY, 2, 1000);
    assertEquals(250, queryLong("SELECT count(*) FROM " + db + ".customers"));
    assertEquals(4_000, queryLong("SELECT count(*) FROM " + db + ".orders"));
    // a parent table referenced by a foreign key still empties in truncate mode
    run(plan, sink(), TableMode.TRUNCATE_THEN_INSERT, 2, 1000);
    assertEquals(4_000, queryLong("SELECT count(*) FROM " + db + ".orders"));
    assertEquals(250, queryLong("SELECT count(*) FROM " + db + ".customers"));
    // and a second append breaks the primary key: the server refuses, the run fails
    SinkException dup =
        assertThrows(SinkException.class, () -> run(plan, sink(), TableMode.APPEND_ONLY, 1, 1000));
    assertTrue(dup.getMessage().contains("Duplicate entry"), dup.getMessage());
  }

  @Test
  void anIncompatibleExistingTableFailsBeforeAnythingIsWritten() throws SQLException {
    String other = db + "_bad";
    try {
      execute("CREATE DATABASE " + other);
      execute(
          "CREATE TABLE "
              + other
              + ".orders (id bigint, customer text, customer_id varchar(10), amount double,"
              + " extra int NOT NULL)");
      SinkException ex =
          assertThrows(
              SinkException.class,
              () ->
                  run(
                      JdbcFixtures.customersAndOrders(10, 10),
                      new MariaDbSinkFactory().open(profile(other)),
                      TableMode.TRUNCATE_THEN_INSERT,
                      1,
                      100));
      String m = ex.getMessage();
      assertTrue(m.contains("table orders, column customer_id is varchar(10)"), m);
      assertTrue(m.contains("fix: change the column to BIGINT"), m);
      assertTrue(m.contains("column extra is NOT NULL without a default"), m);
      assertEquals(
          0,
          queryLong(
              "SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
                  + other
                  + "' AND TABLE_NAME = 'customers'"));
    } finally {
      execute("DROP DATABASE IF EXISTS " + other);
    }
  }

  @Test
  void badProfilesAreRefusedWithTheFieldAndTheSecretIsNeverShown() {
    Problems p = new Problems();
    new MariaDbSinkFactory()
        .validate(
            new TargetProfile(
                "m", "m", "mysql", "mysql://u:hunter2@h/mysql", null, Map.of("x", "1")),
            p);
    String all = p.list().toString();
    assertTrue(all.contains("system database"), all);
    assertTrue(all.contains("options.x"), all);
    assertFalse(all.contains("hunter2"), all);
    Problems q = new Problems();
    new MariaDbSinkFactory()
        .validate(
            new TargetProfile("m", "m", "mariadb", "mariadb://h/db", "bad name", Map.of()), q);
    assertTrue(q.list().toString().contains("schema"), q.list().toString());
  }

  @Test
  void testingTheTargetTriesWhatARunDoes() {
    TargetTestResult ok = new MariaDbSinkFactory().test(profile(db));
    assertTrue(ok.ok(), String.valueOf(ok.error()));
    assertTrue(ok.serverVersion().startsWith("MariaDB") || ok.serverVersion().startsWith("MySQL"));
    TargetTestResult down =
        new MariaDbSinkFactory()
            .test(
                new TargetProfile(
                    "m",
                    "m",
                    "mariadb",
                    "mariadb://root:hunter2@127.0.0.1:1/test",
                    null,
                    Map.of()));
    assertFalse(down.ok());
    assertFalse(String.valueOf(down.error()).contains("hunter2"), down.error());
  }
}
