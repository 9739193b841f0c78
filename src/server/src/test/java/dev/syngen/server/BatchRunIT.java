package dev.syngen.server;

import static dev.syngen.server.PgTables.awaitRows;
import static dev.syngen.server.PgTables.count;
import static dev.syngen.server.PgTables.scalar;
import static dev.syngen.server.PgTables.tableExists;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Big runs execute as a Jakarta Batch job on a server of their own (syngenServerBatchIT, run
 * history and job repository in PostgreSQL, batch threshold 1,000,000 rows, partitions of 500,000):
 * after {@code kill -9} of the server in the middle of a run into PostgreSQL and a restart, the
 * target holds exactly the rows the CLI writes for the same scenario and seed (and the same into
 * MariaDB); a batch run cancels promptly; a small run still runs on the executor; a chain of 12
 * entities (12 dependency levels) runs as one job instance per level, also across a cancel and
 * restart.
 */
class BatchRunIT {
  private static final long CUSTOMERS = 100_000;
  private static final long ORDERS = 1_500_000;
  private static final long SMALL_ORDERS = 200_000;
  private static final String SCENARIO =
      InlineScenarios.customersAndOrders(
          "it-batch",
          11,
          CUSTOMERS,
          ORDERS,
          "{\"name\":\"amount\",\"type\":\"double\",\"generator\":{\"type\":\"uniform_float\","
              + "\"params\":{\"min\":1,\"max\":500}}}");

  private static final int CHAIN = 12;
  private static final long CHAIN_ROWS = 100_000;
  private static final String CHAIN_SCENARIO =
      InlineScenarios.chain("it-batch-chain", 13, CHAIN, CHAIN_ROWS);
  private static final Pattern LEVEL_JOB =
      Pattern.compile(
          "as Jakarta Batch job syngen-run, execution \\d+ \\(instance (\\d+)\\): "
              + "dependency level (\\d+) of (\\d+)");

  private static final String PREFIX =
      "syngen_batch_it_" + UUID.randomUUID().toString().substring(0, 8);
  private static final List<String> SCHEMAS = new ArrayList<>();
  private static final List<String> MARIADB_DATABASES = new ArrayList<>();
  private static String history;
  private static LibertyProcess server;
  private static Api api;

  @BeforeAll
  static void startServer() throws Exception {
    String admin = "batch-it-admin-" + UUID.randomUUID();
    history = schema("history");
    try (Connection c = RunsIT.pg();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + history);
    }
    server =
        new LibertyProcess(
            "syngenServerBatchIT",
            LibertyProcess.postgresHistory(
                history,
                Map.of(
                    "SYNGEN_ADMIN_PASSWORD", admin,
                    "SYNGEN_VIEWER_PASSWORD", "batch-it-viewer-" + UUID.randomUUID(),
                    "SYNGEN_BATCH_THRESHOLD_ROWS", "1000000",
                    "SYNGEN_BATCH_CHECKPOINT_ROWS", "100000",
                    "SYNGEN_BATCH_PARTITION_ROWS", "500000")));
    server.start();
    api = new Api(server.base(), admin, server.environment().get("SYNGEN_VIEWER_PASSWORD"));
    api.awaitReady(Duration.ofSeconds(300));
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.stop();
    try (Connection c = RunsIT.pg();
        Statement s = c.createStatement()) {
      for (String schema : SCHEMAS) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
    for (String database : MARIADB_DATABASES) {
      MariaDbTables.execute("DROP DATABASE IF EXISTS " + database);
    }
  }

  /**
   * The same guarantee on MariaDB: each chunk's inserts and its partition marker commit in one
   * InnoDB transaction, so after {@code kill -9} and a restart the target holds exactly the rows
   * the CLI writes for the same scenario and seed.
   */
  @Test
  void aRunIntoMariaDbKilledMidwayAndRestartedHoldsExactlyTheRowsOfAnUninterruptedRun()
      throws Exception {
    String target = PREFIX + "_maria_killed";
    MARIADB_DATABASES.add(target);
    String id = start(target, SCENARIO, "mariadb", MariaDbTables.DSN);
    MariaDbTables.awaitRows(target, "orders", 1);
    assertEquals("running", run(id).path("status").asText(), "the run ended before the kill");
    server.kill();
    long committed = MariaDbTables.count(target, "orders");
    assertTrue(committed < ORDERS, "the kill came after the last row: " + committed);

    server.start();
    api.awaitReady(Duration.ofSeconds(300));
    assertEquals("failed", run(id).path("status").asText(), "recovery marks it interrupted");
    Api.Reply restart = api.admin("POST", "api/v1/runs/" + id + "/restart", null);
    assertEquals(202, restart.status(), restart.toString());
    JsonNode done = api.awaitFinished(id);
    assertEquals("success", done.path("status").asText(), done.toString());
    for (JsonNode e : done.path("entities")) {
      assertEquals(e.path("rows_planned").asLong(), e.path("rows_written").asLong(), e.toString());
    }

    String uninterrupted = PREFIX + "_maria_cli";
    MARIADB_DATABASES.add(uninterrupted);
    cliRunTo(
        "id: batch-it\nkind: mariadb\ndsn: " + MariaDbTables.DSN + "\nschema: " + uninterrupted,
        SCENARIO);
    assertEquals(ORDERS, MariaDbTables.count(target, "orders"));
    for (String table : List.of("customers", "orders")) {
      assertEquals(
          MariaDbTables.checksum(uninterrupted, table),
          MariaDbTables.checksum(target, table),
          table + " values");
    }
    assertEquals(
        0,
        MariaDbTables.scalar("SELECT count(*) FROM " + target + ".syngen_partition_commits"),
        "markers left");
  }

  @Test
  void aRunKilledMidwayAndRestartedHoldsExactlyTheRowsOfAnUninterruptedRun() throws Exception {
    String target = schema("killed");
    String id = start(target);
    awaitRows(target, "orders", 1);
    assertEquals("running", run(id).path("status").asText(), "the run ended before the kill");
    server.kill();
    long committed = count(target, "orders");
    assertTrue(committed < ORDERS, "the kill came after the last row: " + committed);

    server.start();
    api.awaitReady(Duration.ofSeconds(300));
    assertEquals("failed", run(id).path("status").asText(), "recovery marks it interrupted");
    Api.Reply restart = api.admin("POST", "api/v1/runs/" + id + "/restart", null);
    assertEquals(202, restart.status(), restart.toString());
    JsonNode done = api.awaitFinished(id);
    assertEquals("success", done.path("status").asText(), done.toString());
    assertEquals(CUSTOMERS + ORDERS, done.path("progress_rows_generated").asLong());
    for (JsonNode e : done.path("entities")) {
      assertEquals(e.path("rows_planned").asLong(), e.path("rows_written").asLong(), e.toString());
    }
    JsonNode shown = run(id);
    long partitionRows = 0;
    for (JsonNode p : shown.path("partitions")) {
      partitionRows += p.path("rows_written").asLong();
      assertTrue(p.path("server").asText().contains("@"), "where it ran: " + p);
    }
    assertEquals(CUSTOMERS + ORDERS, partitionRows, "GET /runs/{id} partitions: " + shown);

    String uninterrupted = schema("cli");
    cliRun(uninterrupted, SCENARIO);
    for (String table : List.of("customers", "orders")) {
      long planned = table.equals("orders") ? ORDERS : CUSTOMERS;
      assertEquals(planned, count(target, table), table + " rows");
      assertEquals(planned, scalar("SELECT count(DISTINCT id) FROM " + target + "." + table));
      assertEquals(checksum(uninterrupted, table), checksum(target, table), table + " values");
    }
    assertEquals(
        0, scalar("SELECT count(*) FROM " + target + ".syngen_partition_commits"), "markers left");
    List<String> logs = logs(id);
    assertTrue(
        logs.stream().anyMatch(l -> l.startsWith("running as Jakarta Batch job")), logs.toString());
    assertTrue(
        logs.stream().anyMatch(l -> l.startsWith("restarting as Jakarta Batch job")),
        logs.toString());
    assertTrue(
        logs.stream().anyMatch(l -> l.endsWith("resumes from its Jakarta Batch checkpoints")),
        logs.toString());
  }

  @Test
  void aBatchRunCancelsPromptlyAndRestartsFromItsCheckpoints() throws Exception {
    String target = schema("cancelled");
    String id = start(target);
    awaitRows(target, "orders", 1);
    long t0 = System.nanoTime();
    Api.Reply cancel = api.admin("POST", "api/v1/runs/" + id + "/cancel", null);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(200, cancel.status(), cancel.toString());
    JsonNode cancelled = cancel.json();
    assertEquals("cancelled", cancelled.path("status").asText(), cancelled.toString());
    assertTrue(millis < 10_000, "cancel took " + millis + " ms");
    long rows = count(target, "orders");
    assertTrue(rows < ORDERS, "cancelled after the last row");
    assertEquals(rows + CUSTOMERS, cancelled.path("progress_rows_generated").asLong());

    assertEquals(202, api.admin("POST", "api/v1/runs/" + id + "/restart", null).status());
    assertEquals("success", api.awaitFinished(id).path("status").asText());
    List<String> logs = logs(id);
    assertTrue(
        logs.stream().anyMatch(l -> l.startsWith("restarting as Jakarta Batch job")),
        "a restart that resumes mid-job still records its execution: " + logs);
    assertEquals(ORDERS, count(target, "orders"));
    assertEquals(ORDERS, scalar("SELECT count(DISTINCT id) FROM " + target + ".orders"));
  }

  @Test
  void aRunBelowTheThresholdRunsOnTheExecutor() throws Exception {
    String target = schema("small");
    String small = SCENARIO.replace("\"rows\":" + ORDERS, "\"rows\":" + SMALL_ORDERS);
    String id = start(target, small);
    assertEquals("success", api.awaitFinished(id).path("status").asText());
    assertEquals(SMALL_ORDERS, count(target, "orders"));
    List<String> logs = logs(id);
    assertFalse(logs.stream().anyMatch(l -> l.contains("Jakarta Batch")), logs.toString());
  }

  @Test
  void aChainOfTwelveLevelsRunsAsOneJobInstancePerLevelWithEveryForeignKeyHeld() throws Exception {
    String target = schema("chain");
    String id = start(target, CHAIN_SCENARIO);
    JsonNode done = api.awaitFinished(id);
    assertEquals("success", done.path("status").asText(), done.toString());
    assertEquals(CHAIN * CHAIN_ROWS, done.path("progress_rows_generated").asLong());
    for (JsonNode e : done.path("entities")) {
      assertEquals(CHAIN_ROWS, e.path("rows_written").asLong(), e.toString());
    }
    assertChainComplete(target);

    List<String> logs = logs(id);
    Map<Integer, Long> instanceByLevel = levelJobs(logs);
    assertEquals(CHAIN, instanceByLevel.size(), "one job per level: " + logs);
    long previous = -1;
    for (int level = 0; level < CHAIN; level++) {
      long instance = instanceByLevel.get(level);
      assertTrue(instance > previous, "level " + level + " started after level " + (level - 1));
      previous = instance;
    }
    assertTrue(
        logs.stream().anyMatch(l -> l.startsWith("running as Jakarta Batch job")), logs.toString());
    assertEquals(
        previous,
        scalar(
            "SELECT job_instance FROM "
                + history
                + ".syngen_batch_job WHERE run_id = '"
                + id
                + "'"),
        "the run's recorded job is its last level's");
    assertEquals(
        CHAIN,
        scalar(
            "SELECT count(DISTINCT entity_name) FROM "
                + history
                + ".syngen_batch_partition WHERE run_id = '"
                + id
                + "'"),
        "every entity was written by batch partitions");
  }

  @Test
  void aChainCancelledMidwayRestartsWithExactlyTheRowsOfAnUninterruptedRun() throws Exception {
    String target = schema("chain_cancelled");
    String id = start(target, CHAIN_SCENARIO);
    awaitRows(target, "e3", 1);
    Api.Reply cancel = api.admin("POST", "api/v1/runs/" + id + "/cancel", null);
    assertEquals(200, cancel.status(), cancel.toString());
    JsonNode cancelled = cancel.json();
    assertEquals("cancelled", cancelled.path("status").asText(), cancelled.toString());
    long written = 0;
    for (int i = 0; i < CHAIN; i++) {
      written += tableExists(target, "e" + i) ? count(target, "e" + i) : 0;
    }
    assertTrue(written < CHAIN * CHAIN_ROWS, "cancelled after the last level: " + written);
    assertEquals(written, cancelled.path("progress_rows_generated").asLong());

    assertEquals(202, api.admin("POST", "api/v1/runs/" + id + "/restart", null).status());
    JsonNode done = api.awaitFinished(id);
    assertEquals("success", done.path("status").asText(), done.toString());
    assertEquals(CHAIN * CHAIN_ROWS, done.path("progress_rows_generated").asLong());
    assertChainComplete(target);
    List<String> logs = logs(id);
    assertTrue(
        logs.stream().anyMatch(l -> l.startsWith("restarting as Jakarta Batch job")),
        logs.toString());
    assertTrue(levelJobs(logs).containsKey(CHAIN - 1), "the last level ran: " + logs);

    String uninterrupted = schema("chain_cli");
    cliRun(uninterrupted, CHAIN_SCENARIO);
    for (int i = 0; i < CHAIN; i++) {
      assertEquals(
          checksum(uninterrupted, "e" + i), checksum(target, "e" + i), "e" + i + " values");
    }
  }

  /** Every table of the chain holds its rows once, and every parent_id is a row of its parent. */
  private static void assertChainComplete(String target) throws SQLException {
    for (int i = 0; i < CHAIN; i++) {
      String table = target + ".e" + i;
      assertEquals(CHAIN_ROWS, count(target, "e" + i), table + " rows");
      assertEquals(CHAIN_ROWS, scalar("SELECT count(DISTINCT id) FROM " + table), table + " ids");
      if (i > 0) {
        String parent = target + ".e" + (i - 1);
        assertEquals(
            0,
            scalar(
                "SELECT count(*) FROM "
                    + table
                    + " c WHERE c.parent_id IS NULL OR NOT EXISTS (SELECT 1 FROM "
                    + parent
                    + " p WHERE p.id = c.parent_id)"),
            table + " rows whose parent_id is not a row of " + parent);
      }
    }
  }

  /** The job instance that wrote each dependency level, from the run's log. */
  private static Map<Integer, Long> levelJobs(List<String> logs) {
    Map<Integer, Long> out = new TreeMap<>();
    for (String line : logs) {
      Matcher m = LEVEL_JOB.matcher(line);
      if (m.find()) {
        assertEquals(CHAIN, Integer.parseInt(m.group(3)), line);
        out.merge(Integer.parseInt(m.group(2)), Long.parseLong(m.group(1)), Math::max);
      }
    }
    return out;
  }

  private static String schema(String role) {
    String name = PREFIX + "_" + role;
    SCHEMAS.add(name);
    return name;
  }

  private static String start(String schema) {
    return start(schema, SCENARIO);
  }

  private static String start(String schema, String scenario) {
    return start(schema, scenario, "postgres", RunsIT.pgDsn());
  }

  private static String start(String schema, String scenario, String kind, String dsn) {
    Api.Reply r =
        api.admin(
            "POST",
            "api/v1/runs",
            "{\"scenario\":"
                + scenario
                + ",\"parallelism\":2,\"target\":{\"kind\":\""
                + kind
                + "\",\"dsn\":\""
                + dsn
                + "\",\"schema\":\""
                + schema
                + "\"}}");
    assertEquals(202, r.status(), r.toString());
    return r.json().path("id").asText();
  }

  private static JsonNode run(String id) {
    return api.viewer("GET", "api/v1/runs/" + id, null).json();
  }

  private static List<String> logs(String id) {
    List<String> out = new ArrayList<>();
    api.viewer("GET", "api/v1/runs/" + id + "/logs?limit=100", null)
        .json()
        .forEach(l -> out.add(l.path("message").asText()));
    return out;
  }

  /** The same scenario and seed through the CLI: one process, no batch job, no interruption. */
  private static void cliRun(String schema, String scenarioJson) throws Exception {
    cliRunTo(
        "id: batch-it\nkind: postgres\ndsn: " + RunsIT.pgDsn() + "\nschema: " + schema,
        scenarioJson);
  }

  /** The scenario through the CLI into the target a profile describes. */
  private static void cliRunTo(String targetYaml, String scenarioJson) throws Exception {
    Path dir = Files.createTempDirectory("syngen-batch-it");
    Path scenario = Files.writeString(dir.resolve("scenario.json"), scenarioJson);
    Path target = Files.writeString(dir.resolve("target.yaml"), targetYaml + "\n");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("syngen.it.cli.jar", "target/syngen-cli.jar"),
                "run",
                "start",
                "-q",
                "--history-dir=" + dir.resolve("history"),
                "--scenario=" + scenario,
                "--target=" + target)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the CLI run did not finish: " + out);
    assertEquals(0, p.exitValue(), out);
  }

  private static String checksum(String schema, String table) throws SQLException {
    try (Connection c = RunsIT.pg();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM "
                    + schema
                    + "."
                    + table
                    + " t")) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }
}
