package dev.syngen.io.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcSinkFactoryTest {
  private final JdbcSinkFactory factory = new JdbcSinkFactory();

  private static TargetProfile pg(String dsn, String schema, Map<String, String> options) {
    return new TargetProfile("t", "t", "postgres", dsn, schema, options);
  }

  private List<String> problemPaths(TargetProfile p) {
    Problems problems = new Problems();
    factory.validate(p, problems);
    problems.list().forEach(x -> assertTrue(x.fix() != null && !x.fix().isBlank(), x.toString()));
    return problems.list().stream().map(Problem::path).toList();
  }

  @Test
  void kindsIncludeTheAlias() {
    assertEquals(java.util.Set.of("postgres", "postgresql", "sqlite"), factory.kinds());
  }

  @Test
  void aGoodProfileHasNoProblems() {
    assertEquals(
        List.of(),
        problemPaths(pg(PgTestDatabase.DSN, "analytics", Map.of("copy_format", "text"))));
    assertEquals(
        List.of(), problemPaths(new TargetProfile("l", "l", "sqlite", "out/x.db", null, Map.of())));
  }

  @Test
  void everyProblemIsReportedWithItsPath() {
    assertEquals(
        List.of("dsn", "schema", "options.copy_format"),
        problemPaths(pg(null, "bad-schema", Map.of("copy_format", "csv"))));
    assertEquals(
        List.of("dsn", "options.batch"),
        problemPaths(pg("postgres://u:pw@host:x/db", null, Map.of("batch", "10"))));
    assertEquals(
        List.of("dsn", "schema"),
        problemPaths(new TargetProfile("l", "l", "sqlite", ":memory:", "main", Map.of())));
  }

  @Test
  void postgresSystemSchemasAreRefused() {
    for (String schema : List.of("pg_catalog", "information_schema", "PG_TOAST")) {
      assertEquals(
          List.of("schema"), problemPaths(pg(PgTestDatabase.DSN, schema, Map.of())), schema);
    }
  }

  @Test
  void aDsnProblemNeverShowsThePassword() {
    Problems problems = new Problems();
    factory.validate(pg("postgres://u:hunter2@host:x/db", null, Map.of()), problems);
    assertFalse(problems.list().toString().contains("hunter2"), problems.list().toString());
  }

  @Test
  void openRefusesAnInvalidProfile() {
    SinkException e =
        assertThrows(
            SinkException.class,
            () -> factory.open(pg("postgres://u:hunter2@h/db", "x;drop", Map.of())));
    assertTrue(e.getMessage().contains("schema"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void testReportsAGoodPostgresTargetAndLeavesNoProbeBehind() throws SQLException {
    String schema = "syngen_t_probe_" + Long.toHexString(System.nanoTime());
    TargetTestResult r = factory.test(pg(PgTestDatabase.DSN, schema, Map.of()));
    assertTrue(r.ok(), String.valueOf(r.error()));
    assertTrue(r.serverVersion().matches("PostgreSQL \\d+\\.\\d+"), r.serverVersion());
    assertTrue(r.canCreate() && r.canInsert() && r.canTruncate(), r.toString());
    assertNull(r.error());
    assertTrue(r.latencyMs() >= 0);
    assertEquals(
        0,
        PgTestDatabase.queryLong(
            "SELECT count(*) FROM pg_class WHERE relname LIKE 'syngen_probe_%'"
                + " OR relname = '"
                + schema
                + "'"));
    assertEquals(
        0,
        PgTestDatabase.queryLong(
            "SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema + "'"),
        "the scratch schema was rolled back");
  }

  @Test
  void testReportsAnUnreachableHostWithoutThePassword() {
    TargetTestResult r =
        factory.test(pg("postgres://postgres:hunter2@127.0.0.1:1/test", null, Map.of()));
    assertFalse(r.ok());
    assertNull(r.serverVersion());
    assertTrue(r.error().contains("127.0.0.1:1"), r.error());
    assertTrue(r.error().contains("fix: check host and port"), r.error());
    assertFalse(r.error().contains("hunter2"), r.error());
  }

  @Test
  void testReportsAMissingDatabaseWithoutThePassword() {
    TargetTestResult r =
        factory.test(
            pg("postgres://postgres:hunter2@127.0.0.1:5432/syngen_no_such_db", null, Map.of()));
    assertFalse(r.ok());
    assertTrue(r.error().contains("syngen_no_such_db"), r.error());
    assertTrue(r.error().contains("does not exist"), r.error());
    assertFalse(r.error().contains("hunter2"), r.error());
  }

  @Test
  void testNeverThrowsOnAnUnparseableDsn() {
    TargetTestResult r = factory.test(pg("postgres://u:hunter2@h:port/db", null, Map.of()));
    assertFalse(r.ok());
    assertFalse(r.error().contains("hunter2"), r.error());
  }

  @Test
  void testReportsSqliteAndLeavesNoFileBehind(@TempDir Path dir) {
    Path file = dir.resolve("new/probe.db");
    TargetTestResult r =
        factory.test(new TargetProfile("l", "l", "sqlite", file.toString(), null, Map.of()));
    assertTrue(r.ok(), String.valueOf(r.error()));
    assertTrue(r.serverVersion().matches("SQLite 3\\.\\d+\\.\\d+"), r.serverVersion());
    assertTrue(r.canCreate() && r.canInsert() && r.canTruncate());
    assertFalse(Files.exists(file));
  }

  @Test
  void testReportsAnUnwritableSqlitePath(@TempDir Path dir) throws Exception {
    Path blocker = Files.writeString(dir.resolve("file"), "x");
    TargetTestResult r =
        factory.test(
            new TargetProfile(
                "l", "l", "sqlite", blocker.resolve("x.db").toString(), null, Map.of()));
    assertFalse(r.ok());
    assertTrue(r.error().contains("fix:"), r.error());
  }
}
