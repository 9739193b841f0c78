package dev.syngen.server;

import static dev.syngen.server.PgTables.awaitRows;
import static dev.syngen.server.PgTables.count;
import static dev.syngen.server.PgTables.execute;
import static dev.syngen.server.PgTables.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syngen.io.brokers.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults injected into a running server (issue 10, fault injection; docs/security.md): its
 * PostgreSQL target goes away mid-run, its run-history database goes away for ten seconds, the disk
 * of a file target fills up. The services are taken away through {@link TcpProxy} (every connection
 * reset, new ones refused), so the shared PostgreSQL other tests use keeps running, and the disk is
 * a 1 MB tmpfs mounted inside the output directory. Every fault ends in a recorded, named failure
 * or in success; nothing is left claimed that is not there; the server recovers without a restart.
 */
class ServerFaultsIT {
  private static final long CUSTOMERS = 20_000;
  private static final long ORDERS = 1_500_000;
  private static final String SCENARIO =
      InlineScenarios.customersAndOrders(
          "it-faults",
          5,
          CUSTOMERS,
          ORDERS,
          "{\"name\":\"note\",\"type\":\"string\",\"generator\":{\"type\":\"pattern\","
              + "\"params\":{\"pattern\":\"[a-z]{40}\"}}}");

  private static final long READINGS_ROWS = 20_000;
  private static final String READINGS =
      "{\"id\":\"it-faults-nats\",\"name\":\"nats\",\"seed\":3,\"as_of\":\"2026-01-01T00:00:00Z\","
          + "\"entities\":[{\"name\":\"readings\",\"rows\":"
          + READINGS_ROWS
          + ",\"columns\":["
          + "{\"name\":\"id\",\"type\":\"bigint\",\"generator\":{\"type\":\"sequence\"}},"
          + "{\"name\":\"value\",\"type\":\"double\",\"generator\":{\"type\":\"uniform_float\","
          + "\"params\":{\"min\":0,\"max\":1}}}]}]}";

  private static final String PREFIX =
      "syngen_faults_it_" + UUID.randomUUID().toString().substring(0, 8);
  private static final List<String> SCHEMAS = new ArrayList<>();

  private static TcpProxy historyLink;
  private static TcpProxy targetLink;
  private static LibertyProcess server;
  private static Api api;

  @BeforeAll
  static void startServer() throws Exception {
    URI pg = URI.create(RunsIT.pgDsn().replaceFirst("^postgresql:", "postgres:"));
    int pgPort = pg.getPort() < 0 ? 5432 : pg.getPort();
    historyLink = new TcpProxy(pgPort);
    targetLink = new TcpProxy(pgPort);
    String history = schema("history");
    execute("CREATE SCHEMA " + history);
    String admin = "faults-it-admin-" + UUID.randomUUID();
    Map<String, String> env =
        LibertyProcess.postgresHistory(
            history,
            Map.of(
                "SYNGEN_ADMIN_PASSWORD",
                admin,
                "SYNGEN_VIEWER_PASSWORD",
                "faults-it-viewer-" + UUID.randomUUID(),
                "SYNGEN_BATCH_THRESHOLD_ROWS",
                "100000000"));
    env.put("SYNGEN_DB_HOST", "127.0.0.1");
    env.put("SYNGEN_DB_PORT", String.valueOf(historyLink.port()));
    server = new LibertyProcess("syngenServerBatchIT", env);
    server.start();
    api = new Api(server.base(), admin, env.get("SYNGEN_VIEWER_PASSWORD"));
    api.awaitReady(Duration.ofSeconds(300));
  }

  @AfterAll
  static void stopServer() throws Exception {
    historyLink.restore();
    server.stop();
    historyLink.close();
    targetLink.close();
    for (String schema : SCHEMAS) {
      execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  @Test
  void aTargetDatabaseLostMidRunFailsTheRunByNameAndARestartWritesExactlyThePlan()
      throws Exception {
    String target = schema("target");
    // paced, so that the cut lands while the orders are still streaming: a loss after the last
    // row was handed over but before its commit is another case (the record then claims rows the
    // table does not hold; see the note in docs/security.md)
    String id = start(target, ",\"traffic\":{\"rate\":\"250k/s\"}");
    awaitProgress(id, CUSTOMERS + 20_000);
    targetLink.cut();
    JsonNode failed;
    try {
      failed = api.awaitRun(id, Set.of("success", "failed", "cancelled"), Duration.ofMinutes(2));
    } finally {
      targetLink.restore();
    }
    assertEquals("failed", failed.path("status").asText(), failed.toString());
    String error = failed.path("error").asText();
    assertFalse(error.isBlank(), failed.toString());
    long committed = count(target, "orders");
    assertTrue(committed < ORDERS, "the cut came after the last row");
    for (JsonNode e : failed.path("entities")) {
      long inTable = count(target, e.path("table").asText());
      assertTrue(
          e.path("rows_written").asLong() <= inTable,
          "the record claims rows the table does not hold: " + e + " vs " + inTable);
    }

    Api.Reply restart = api.admin("POST", "api/v1/runs/" + id + "/restart", null);
    assertEquals(202, restart.status(), restart.toString());
    JsonNode done = api.awaitFinished(id);
    assertEquals("success", done.path("status").asText(), done.toString());
    assertEquals(ORDERS, count(target, "orders"));
    assertEquals(ORDERS, scalar("SELECT count(DISTINCT id) FROM " + target + ".orders"));
    assertEquals(CUSTOMERS, count(target, "customers"));
  }

  @Test
  void theHistoryDatabaseAwayForTenSecondsIsRecoveredFromWithoutARestart() throws Exception {
    String target = schema("history_fault");
    String id = start(target);
    awaitRows(target, "orders", 1);
    historyLink.cut();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    boolean sawNotReady = false;
    long slowestReadyMillis = 0;
    // reads of the run list go on beside the readiness probes: a read that waits for the
    // database (EclipseLink retries a lost connection) must not keep readiness from being sampled
    ExecutorService reader = Executors.newSingleThreadExecutor();
    List<Future<Api.Reply>> reads = new ArrayList<>();
    try {
      while (System.nanoTime() < until) {
        if (reads.isEmpty() || reads.get(reads.size() - 1).isDone()) {
          reads.add(reader.submit(() -> api.viewer("GET", "api/v1/runs?limit=5", null)));
        }
        long t0 = System.nanoTime();
        Api.Reply ready = api.anonymous("GET", "health/ready", null);
        slowestReadyMillis = Math.max(slowestReadyMillis, (System.nanoTime() - t0) / 1_000_000);
        sawNotReady |= ready.status() == 503;
        Api.sleep(500);
      }
    } finally {
      historyLink.restore();
    }
    for (Future<Api.Reply> read : reads) {
      Api.Reply runs = read.get(2, TimeUnit.MINUTES);
      assertTrue(runs.status() == 200 || runs.status() == 503, "a read during the outage: " + runs);
      assertFalse(runs.body().contains("Exception"), "a stack trace leaked: " + runs.body());
    }
    reader.shutdown();
    assertTrue(sawNotReady, "readiness never reported the history database away");
    assertTrue(slowestReadyMillis < 10_000, "readiness took " + slowestReadyMillis + " ms");

    api.awaitReady(Duration.ofSeconds(60));
    JsonNode ended =
        api.awaitRun(id, Set.of("success", "failed", "cancelled"), Duration.ofMinutes(3));
    String status = ended.path("status").asText();
    assertTrue(status.equals("success") || status.equals("failed"), ended.toString());
    if (status.equals("failed")) {
      assertEquals(202, api.admin("POST", "api/v1/runs/" + id + "/restart", null).status());
      assertEquals("success", api.awaitFinished(id).path("status").asText());
    }
    assertEquals(ORDERS, count(target, "orders"));
    assertEquals(ORDERS, scalar("SELECT count(DISTINCT id) FROM " + target + ".orders"));

    String after = schema("after_outage");
    assertEquals("success", api.awaitFinished(start(after)).path("status").asText());
    assertEquals(ORDERS, count(after, "orders"));
  }

  @Test
  void aNatsServerStoppedMidRunAndStartedAgainLeavesEveryRowExactlyOnce() throws Exception {
    Path dir = Files.createTempDirectory("syngen-faults-nats");
    try (NatsServer nats = new NatsServer(dir.resolve("js")).start()) {
      String name = "it-faults-nats-" + UUID.randomUUID().toString().substring(0, 8);
      Api.Reply created =
          api.admin(
              "POST",
              "api/v1/targets",
              "{\"id\":\""
                  + name
                  + "\",\"kind\":\"nats\",\"dsn\":\""
                  + nats.url()
                  + "\",\"options\":{\"jetstream\":\"true\",\"stream\":\"FAULTS\"}}");
      assertEquals(201, created.status(), created.toString());
      Api.Reply started =
          api.admin(
              "POST",
              "api/v1/runs",
              "{\"scenario\":"
                  + READINGS
                  + ",\"target_id\":\""
                  + name
                  + "\",\"traffic\":{\"rate\":\"4k/s\"}}");
      assertEquals(202, started.status(), started.toString());
      String id = started.json().path("id").asText();
      awaitProgress(id, 6_000);
      nats.stop();
      Api.sleep(1_500);
      nats.start();
      JsonNode ended =
          api.awaitRun(id, Set.of("success", "failed", "cancelled"), Duration.ofMinutes(2));
      if (!ended.path("status").asText().equals("success")) {
        assertEquals("failed", ended.path("status").asText(), ended.toString());
        assertEquals(202, api.admin("POST", "api/v1/runs/" + id + "/restart", null).status());
        assertEquals("success", api.awaitFinished(id).path("status").asText());
      }
      try (Connection c = Nats.connect(nats.url())) {
        long messages =
            c.jetStreamManagement().getStreamInfo("FAULTS").getStreamState().getMsgCount();
        assertEquals(READINGS_ROWS + 1, messages, "every row once, plus the end-of-entity message");
      }
    }
  }

  @Test
  void aFullDiskFailsAFileRunClearlyAndNoFileIsClaimedComplete() throws Exception {
    Path output = Path.of(System.getProperty("syngen.it.output.dir", "out"));
    String name = "it-diskfull-" + UUID.randomUUID().toString().substring(0, 8);
    Path disk = Files.createDirectories(output.resolve(name));
    mount(disk);
    try {
      Api.Reply created =
          api.admin(
              "POST",
              "api/v1/targets",
              "{\"id\":\"" + name + "\",\"kind\":\"csv\",\"dsn\":\"out/" + name + "\"}");
      assertEquals(201, created.status(), created.toString());
      Api.Reply started =
          api.admin(
              "POST",
              "api/v1/runs",
              "{\"scenario\":" + SCENARIO + ",\"target_id\":\"" + name + "\"}");
      assertEquals(202, started.status(), started.toString());
      JsonNode run = api.awaitFinished(started.json().path("id").asText());
      assertEquals("failed", run.path("status").asText(), run.toString());
      String error = run.path("error").asText().toLowerCase(java.util.Locale.ROOT);
      assertTrue(error.contains("no space left") || error.contains("disk"), run.toString());
      for (JsonNode e : run.path("entities")) {
        Path file = disk.resolve(e.path("table").asText() + ".csv");
        long lines = Files.exists(file) ? lines(file) : 0;
        long claimed = e.path("rows_written").asLong();
        assertTrue(
            claimed <= Math.max(0, lines - 1),
            "claims " + claimed + " rows, the file has " + lines + " lines: " + e);
        assertTrue(
            claimed < e.path("rows_planned").asLong()
                || e.path("entity").asText().equals("customers"),
            "orders cannot be complete on a 1 MB disk: " + e);
      }
      assertEquals(200, api.anonymous("GET", "health/ready", null).status(), "server still ready");
    } finally {
      umount(disk);
      try (Stream<Path> files = Files.walk(disk)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Waits until the run has generated at least {@code rows} rows (the orders are being written).
   */
  private static void awaitProgress(String id, long rows) {
    JsonNode run =
        Api.await(
            "run " + id + " to generate " + rows + " rows",
            Duration.ofSeconds(60),
            Duration.ofMillis(10),
            () -> api.viewer("GET", "api/v1/runs/" + id, null).json(),
            r ->
                r.path("progress_rows_generated").asLong() >= rows
                    || r.path("status").asText().equals("success"));
    assertFalse(run.path("status").asText().equals("success"), "finished before the fault");
  }

  private static long lines(Path file) throws IOException {
    try (Stream<String> l = Files.lines(file)) {
      return l.count();
    }
  }

  /** A 1 MB tmpfs; the suite runs as root (./verify installs packages, so it needs root too). */
  private static void mount(Path dir) throws Exception {
    exec("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", dir.toString());
  }

  private static void umount(Path dir) throws Exception {
    exec("umount", dir.toString());
  }

  private static void exec(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", command));
    assertEquals(
        0,
        p.exitValue(),
        String.join(" ", command)
            + " failed (the fault suite needs root to mount a small tmpfs): "
            + out);
  }

  private static String schema(String role) {
    String name = PREFIX + "_" + role;
    SCHEMAS.add(name);
    return name;
  }

  private static String start(String schema) {
    return start(schema, "");
  }

  /** Starts the scenario into {@code schema}; {@code more} adds request fields (",\"k\":v"). */
  private static String start(String schema, String more) {
    Api.Reply r =
        api.admin(
            "POST",
            "api/v1/runs",
            "{\"scenario\":"
                + SCENARIO
                + more
                + ",\"parallelism\":2,\"target\":{\"kind\":\"postgres\",\"dsn\":\"postgres://postgres@127.0.0.1:"
                + targetLink.port()
                + "/test\",\"schema\":\""
                + schema
                + "\"}}");
    assertEquals(202, r.status(), r.toString());
    return r.json().path("id").asText();
  }
}
