package dev.syngen.server;

import static dev.syngen.server.PgTables.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A local cluster started by liberty/cluster/start-local.sh — one dispatcher and two executor
 * servers, copies of syngenServerBatchIT, sharing a PostgreSQL history database — runs a batch run
 * of three dependency levels: its partitions are written on both executors (the history records the
 * server of each), and the tables hold exactly what the command line writes for the same scenario —
 * also after an executor is killed with a chunk in flight and another joins the running cluster,
 * and after the dispatcher is killed mid-run, started again and the run restarted. Every member
 * records a heartbeat each second: the dispatcher lists the members up, the killed executor down
 * within three heartbeats, and an executor's metrics carry its {@code server} label. The engine and
 * the executors talk TLS with the cluster's keystore. In the dispatcher's console (headless
 * Chromium) an admin removes the killed executor from the Executors panel.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  private static final String PREFIX = "syngenClusterIT";
  private static final String SCENARIO =
      "{\"id\":\"it-cluster\",\"name\":\"it-cluster\",\"seed\":29,"
          + "\"as_of\":\"2026-01-01T00:00:00Z\",\"entities\":["
          + "{\"name\":\"customers\",\"rows\":20000,\"columns\":["
          + "{\"name\":\"id\",\"type\":\"bigint\",\"generator\":{\"type\":\"sequence\"}},"
          + "{\"name\":\"full_name\",\"type\":\"string\",\"generator\":{\"type\":\"faker_name\"}}]},"
          + "{\"name\":\"orders\",\"rows\":60000,\"columns\":["
          + "{\"name\":\"id\",\"type\":\"bigint\",\"generator\":{\"type\":\"sequence\"}},"
          + "{\"name\":\"customer_id\",\"type\":\"bigint\",\"generator\":{\"type\":\"fk\","
          + "\"params\":{\"entity\":\"customers\",\"column\":\"id\"}}}]},"
          + "{\"name\":\"items\",\"rows\":100000,\"columns\":["
          + "{\"name\":\"id\",\"type\":\"bigint\",\"generator\":{\"type\":\"sequence\"}},"
          + "{\"name\":\"order_id\",\"type\":\"bigint\",\"generator\":{\"type\":\"fk\","
          + "\"params\":{\"entity\":\"orders\",\"column\":\"id\"}}},"
          + "{\"name\":\"amount\",\"type\":\"double\",\"generator\":{\"type\":\"uniform_float\","
          + "\"params\":{\"min\":1,\"max\":500}}}]}]}";
  private static final Map<String, Long> TABLES =
      Map.of("customers", 20_000L, "orders", 60_000L, "items", 100_000L);

  private static final String SCHEMAS_PREFIX =
      "syngen_cluster_it_" + UUID.randomUUID().toString().substring(0, 8);
  private static final List<String> SCHEMAS = new ArrayList<>();
  private static final Map<String, String> ENV = new HashMap<>();

  /** The members' heartbeat interval here (SYNGEN_CLUSTER_HEARTBEAT_SECONDS). */
  private static final int HEARTBEAT_SECONDS = 1;

  /** Where Liberty's server script records each member's JVM pid. */
  private static final Path PID_DIR = LibertyProcess.WLP_DIR.resolve("usr/servers/.pid");

  private static String history;
  private static Api api;
  private static List<String> httpPorts;

  @BeforeAll
  static void startCluster() throws Exception {
    history = schema("history");
    try (Connection c = RunsIT.pg();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + history);
    }
    String admin = "cluster-it-admin-" + UUID.randomUUID();
    String viewer = "cluster-it-viewer-" + UUID.randomUUID();
    ENV.putAll(
        LibertyProcess.postgresHistory(
            history,
            Map.of(
                "SYNGEN_ADMIN_PASSWORD", admin,
                "SYNGEN_VIEWER_PASSWORD", viewer,
                "SYNGEN_BATCH_THRESHOLD_ROWS", "10000",
                "SYNGEN_BATCH_PARTITION_ROWS", "20000",
                "SYNGEN_BATCH_CHECKPOINT_ROWS", "5000",
                "SYNGEN_CLUSTER_EXECUTOR_THREADS", "1",
                // above the time an executor takes to start: the test of a joining executor
                // leaves the run without a working executor until then
                "SYNGEN_CLUSTER_CHUNK_TIMEOUT_SECONDS", "900",
                // short, so the test of a killed executor need not wait the default 60 s
                "SYNGEN_CLUSTER_CHUNK_REDISPATCH_SECONDS", "8",
                // short, so a killed executor shows down within seconds
                "SYNGEN_CLUSTER_HEARTBEAT_SECONDS", String.valueOf(HEARTBEAT_SECONDS))));
    String dispatcherPort = ENV.remove("HTTP_PORT");
    ENV.remove("HTTPS_PORT");
    ENV.put("SYNGEN_WLP_DIR", LibertyProcess.WLP_DIR.toAbsolutePath().toString());
    ENV.put("SYNGEN_CLUSTER_TEMPLATE", "syngenServerBatchIT");
    ENV.put("SYNGEN_CLUSTER_PREFIX", PREFIX);
    // the fourth ports are the executor that joins the running cluster (start-local.sh --join 3)
    httpPorts = List.of(dispatcherPort, free(), free(), free());
    ENV.put("SYNGEN_CLUSTER_HTTP_PORTS", String.join(",", httpPorts));
    ENV.put("SYNGEN_CLUSTER_HTTPS_PORTS", free() + "," + free() + "," + free() + "," + free());
    ENV.put("SYNGEN_JMS_PORT", free());
    // the dispatcher's engine takes only executors with these credentials (messagingSecurity-3.0)
    ENV.put("SYNGEN_JMS_USER", "cluster-it-executor");
    ENV.put("SYNGEN_JMS_PASSWORD", "cluster-it-jms-" + UUID.randomUUID());
    // the engine and executors talk TLS, with the keystore start-local.sh creates for the cluster
    ENV.put("SYNGEN_CLUSTER_TLS", "on");
    // three servers start at once on the build machine's cores, beside the suite's own server:
    // a CI machine took more than the script's default 300 s to have all of them ready
    ENV.put("SYNGEN_CLUSTER_READY_SECONDS", "720");
    // members use the client compiler only (bin/server passes JVM_ARGS), as LibertyProcess's do
    ENV.put("JVM_ARGS", LibertyProcess.CLIENT_COMPILER_ONLY);
    String out = script("start-local.sh", "2");
    assertTrue(out.contains("cluster ready"), out);
    api = new Api(java.net.URI.create("http://localhost:" + dispatcherPort + "/"), admin, viewer);
    api.awaitReady(Duration.ofSeconds(60));
  }

  @AfterAll
  static void stopCluster() throws Exception {
    script("stop-local.sh");
    try (Connection c = RunsIT.pg();
        Statement s = c.createStatement()) {
      for (String schema : SCHEMAS) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  /**
   * With SYNGEN_CLUSTER_TLS=on the engine's port speaks TLS only, presenting the key of the
   * cluster's keystore: a client trusting only that keystore completes a handshake with that very
   * certificate, one trusting the JDK's authorities is refused, and neither password is in a
   * member's log.
   */
  @Test
  @Order(0)
  void theEnginesPortSpeaksTlsWithTheClustersKeyAndNoPasswordIsLogged() throws Exception {
    Path keystore = LibertyProcess.WLP_DIR.resolve("usr/servers/.cluster-tls/" + PREFIX + ".p12");
    String password = Files.readString(keystore.resolveSibling(PREFIX + ".password")).strip();
    KeyStore cluster = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(keystore)) {
      cluster.load(in, password.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(cluster);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    int port = Integer.parseInt(ENV.get("SYNGEN_JMS_PORT"));
    try (SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket("localhost", port)) {
      socket.setSoTimeout(10_000);
      socket.startHandshake();
      assertEquals(
          cluster.getCertificate("syngen-cluster"),
          socket.getSession().getPeerCertificates()[0],
          "the engine presents the cluster's certificate");
    }
    try (SSLSocket socket =
        (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket("localhost", port)) {
      socket.setSoTimeout(10_000);
      assertThrows(SSLHandshakeException.class, socket::startHandshake, "no certificate of a CA");
    }
    for (String member : List.of("Dispatcher", "Executor1", "Executor2")) {
      String log =
          Files.readString(
              LibertyProcess.WLP_DIR.resolve(
                  "usr/servers/" + PREFIX + member + "/logs/messages.log"));
      assertTrue(log.contains("CWWKF0011I"), member + " started: " + log.length());
      assertFalse(log.contains(password), member + "'s log holds the keystore's password");
      assertFalse(
          log.contains(ENV.get("SYNGEN_JMS_PASSWORD")), member + "'s log holds the JMS password");
    }
  }

  @Test
  @Order(1)
  void aRunsPartitionsRunOnBothExecutorsAndWriteTheRowsOfTheCommandLine() throws Exception {
    String target = schema("cluster");
    String id = start(SCENARIO, target);
    JsonNode done =
        api.awaitRun(id, Set.of("success", "failed", "cancelled"), Duration.ofSeconds(180));
    assertEquals("success", done.path("status").asText(), done.toString());

    Set<String> servers = new TreeSet<>();
    try (Connection c = RunsIT.pg();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT entity_name, first_row, server_name FROM "
                    + history
                    + ".syngen_batch_partition WHERE run_id = '"
                    + id
                    + "'")) {
      int partitions = 0;
      while (rs.next()) {
        partitions++;
        String server = rs.getString(3);
        assertTrue(
            server != null && server.startsWith(PREFIX + "Executor"),
            rs.getString(1) + " from row " + rs.getLong(2) + " written by " + server);
        servers.add(server.substring(0, server.indexOf('@')));
      }
      assertEquals(1 + 3 + 5, partitions, "partitions of 20,000 rows");
    }
    assertEquals(Set.of(PREFIX + "Executor1", PREFIX + "Executor2"), servers);

    // the members' heartbeats: all up, and every row the executors wrote counted within a
    // heartbeat or two (a chunk sent again while its first executor still wrote it may count on
    // both, so at least every row)
    long total = TABLES.values().stream().mapToLong(Long::longValue).sum();
    Map<String, JsonNode> members =
        Api.await(
            "the dispatcher and both executors up, every row counted by the executors",
            Duration.ofSeconds(30),
            Duration.ofMillis(250),
            ClusterIT::members,
            m ->
                isUp(m, "Dispatcher")
                    && isUp(m, "Executor1")
                    && isUp(m, "Executor2")
                    && executorRows(m) >= total);
    assertEquals("dispatcher", members.get(PREFIX + "Dispatcher").path("role").asText());
    assertEquals("executor", members.get(PREFIX + "Executor1").path("role").asText());
    for (String e : List.of("Executor1", "Executor2")) {
      JsonNode m = members.get(PREFIX + e);
      assertTrue(m.path("rows_written").asLong() > 0, m.toString());
      assertTrue(m.path("chunks_written").asLong() >= 1, m.toString());
      assertTrue(m.path("seen_at").asText().endsWith("Z"), "ISO-8601 instants: " + m);
    }

    // an executor's metrics carry its server label, the name its partitions record
    Api executor1 =
        new Api(java.net.URI.create("http://localhost:" + httpPorts.get(1) + "/"), null, null);
    Api.Reply metrics = executor1.anonymous("GET", "metrics?scope=application", null);
    Matcher chunks =
        Pattern.compile(
                "(?m)^syngen_cluster_chunks_written_total\\{[^}]*server=\"("
                    + PREFIX
                    + "Executor1@[^\"]+)\"[^}]*} (\\S+)")
            .matcher(metrics.body());
    assertTrue(chunks.find(), metrics.body());
    assertEquals(
        members.get(PREFIX + "Executor1").path("name").asText(),
        chunks.group(1),
        "the label names the server as its heartbeat does");
    assertTrue(Double.parseDouble(chunks.group(2)) >= 1, chunks.group());
    assertTrue(
        metrics.body().contains("syngen_cluster_rows_written_total{"), "rows counter: " + metrics);
    // per chunk: the executor's queue wait and write time, the dispatcher's round trip
    assertTrue(sample(metrics.body(), "syngen_cluster_chunk_write_seconds_count") >= 1, "write");
    assertTrue(sample(metrics.body(), "syngen_cluster_chunk_queued_seconds_count") >= 1, "queued");
    String dispatcher = api.anonymous("GET", "metrics?scope=application", null).body();
    assertTrue(
        sample(dispatcher, "syngen_cluster_chunk_round_trip_seconds_count") >= 36,
        "a round trip for each of the 9 partitions' 4 chunks at least: " + dispatcher);

    // one order per partition, not a message per chunk: both executors together took 9 orders
    // (more only for orders sent again) and wrote 36 chunks
    String executor2 =
        new Api(java.net.URI.create("http://localhost:" + httpPorts.get(2) + "/"), null, null)
            .anonymous("GET", "metrics?scope=application", null)
            .body();
    double orders =
        sample(metrics.body(), "syngen_cluster_chunk_queued_seconds_count")
            + sample(executor2, "syngen_cluster_chunk_queued_seconds_count");
    double written =
        sample(metrics.body(), "syngen_cluster_chunk_write_seconds_count")
            + sample(executor2, "syngen_cluster_chunk_write_seconds_count");
    double sentAgain = sample(dispatcher, "syngen_cluster_chunks_redispatched");
    assertTrue(
        orders >= 9 && orders <= 9 + sentAgain,
        orders + " orders for 9 partitions, " + sentAgain + " sent again");
    assertTrue(written >= 36, written + " chunks written");

    String cli = schema("cli");
    cliRun(cli, SCENARIO);
    for (Map.Entry<String, Long> t : TABLES.entrySet()) {
      assertEquals(t.getValue(), count(target, t.getKey()), t.getKey() + " rows");
      assertEquals(checksum(cli, t.getKey()), checksum(target, t.getKey()), t.getKey() + " values");
    }
  }

  /**
   * Third, since it kills an executor: with one executor killed and the other hung, their chunks in
   * flight are sent again after the redispatch time (8 s here), an executor that joins the running
   * cluster takes chunks, and every row is written exactly once.
   */
  @Test
  @Order(3)
  void aKilledExecutorsChunkIsWrittenOnceByAnotherAndAJoiningExecutorTakesChunks()
      throws Exception {
    String target = schema("killed");
    long items = 1_000_000;
    String scenario = SCENARIO.replace("\"rows\":100000", "\"rows\":" + items);
    String id = start(scenario, target);
    // the items level is running: both executors have a chunk in flight
    awaitRunning(id, target, "items");
    assertTrue(isUp(members(), "Executor1"), "executor 1 up before it is killed: " + members());
    kill("Executor1");
    long killedAt = System.nanoTime();
    // the new executor starts now, while the run is under way; started earlier, its start-up
    // competed for the build machine's two cores with the run's first levels (a CI run waited
    // more than 60 s for the first item)
    CompletableFuture<String> joining =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return script("start-local.sh", "--join", "3");
              } catch (Exception e) {
                throw new CompletionException(e);
              }
            });
    // the other executor hangs (SIGSTOP) with its chunk in flight until the new one has joined:
    // nothing reports that chunk, so the dispatcher must send it again, and the run still has
    // work for the executor that joins
    String executor2 = Files.readString(PID_DIR.resolve(PREFIX + "Executor2.pid")).strip();
    signal("STOP", executor2);
    String joined;
    try {
      // down once three heartbeats are missed, counted from the kill: a second of slack for
      // the polling and a second for the request on a busy machine
      Duration downWithin = Duration.ofSeconds(3L * HEARTBEAT_SECONDS + 2);
      Api.await(
          "executor 1 down within " + downWithin.toSeconds() + " s of SIGKILL",
          downWithin.minusNanos(System.nanoTime() - killedAt),
          Duration.ofMillis(200),
          ClusterIT::members,
          m -> "down".equals(m.get(PREFIX + "Executor1").path("state").asText()));
      joined = joining.get(20, TimeUnit.MINUTES);
    } finally {
      signal("CONT", executor2);
    }
    assertTrue(joined.contains("cluster ready: " + PREFIX + "Executor3"), joined);
    Api.await(
        "the joining executor up",
        Duration.ofSeconds(30),
        Duration.ofMillis(250),
        ClusterIT::members,
        m -> isUp(m, "Executor3"));

    JsonNode done =
        api.awaitRun(id, Set.of("success", "failed", "cancelled"), Duration.ofSeconds(300));
    assertEquals("success", done.path("status").asText(), done.toString());
    int redispatched = 0;
    for (JsonNode p : done.path("partitions")) {
      redispatched += p.path("redispatched_chunks").asInt();
    }
    assertTrue(redispatched >= 1, "chunks sent again: " + done.path("partitions"));
    Api.Reply logs = api.admin("GET", "api/v1/runs/" + id + "/logs?limit=1000", null);
    assertTrue(
        logs.body().contains("redispatched after") && logs.body().contains("without a report"),
        logs.body());
    try (Connection c = RunsIT.pg();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM "
                    + history
                    + ".syngen_batch_partition WHERE run_id = '"
                    + id
                    + "' AND server_name LIKE '"
                    + PREFIX
                    + "Executor3@%'")) {
      assertTrue(rs.next());
      assertTrue(rs.getLong(1) >= 1, "partitions the joining executor wrote last");
    }

    String cli = schema("cli_killed");
    cliRun(cli, scenario);
    for (String table : TABLES.keySet()) {
      assertEquals(count(cli, table), count(target, table), table + " rows");
      assertEquals(checksum(cli, table), checksum(target, table), table + " values");
    }
    assertEquals(items, count(target, "items"));

    removeTheKilledExecutorInTheConsole();
  }

  /**
   * Last of all, since it kills the dispatcher: started again in its own server directory it marks
   * its run interrupted, POST /restart resumes the run from the job's checkpoints, the executors
   * (which kept their own orders' chunks, recorded at their partition markers) take its new orders
   * once their connection to the engine is back, and every row is written exactly once.
   */
  @Test
  @Order(4)
  void aKilledDispatchersRunRestartsAndHoldsTheRowsOfTheCommandLine() throws Exception {
    String target = schema("dispatcher_killed");
    String scenario = SCENARIO.replace("\"rows\":100000", "\"rows\":600000");
    String id = start(scenario, target);
    awaitRunning(id, target, "items");
    kill("Dispatcher");
    long written = count(target, "items");
    assertTrue(written < 600_000, "the kill came after the last item: " + written);

    String out = script("start-local.sh", "--dispatcher");
    assertTrue(out.contains("cluster ready: " + PREFIX + "Dispatcher"), out);
    api.awaitReady(Duration.ofSeconds(120));
    JsonNode interrupted = api.admin("GET", "api/v1/runs/" + id, null).json();
    assertEquals("failed", interrupted.path("status").asText(), "recovery marks it interrupted");
    Api.Reply restart = api.admin("POST", "api/v1/runs/" + id + "/restart", null);
    assertEquals(202, restart.status(), restart.toString());
    JsonNode done =
        api.awaitRun(id, Set.of("success", "failed", "cancelled"), Duration.ofSeconds(600));
    assertEquals("success", done.path("status").asText(), done.toString());

    String cli = schema("cli_dispatcher_killed");
    cliRun(cli, scenario);
    for (String table : TABLES.keySet()) {
      assertEquals(count(cli, table), count(target, table), table + " rows");
      assertEquals(checksum(cli, table), checksum(target, table), table + " values");
    }
    assertEquals(600_000, count(target, "items"));
  }

  /**
   * Kills a member's JVM with SIGKILL (kill -9), its pid from the file Liberty writes, and waits
   * until it has ended.
   */
  private static void kill(String member) throws Exception {
    long pid = Long.parseLong(Files.readString(PID_DIR.resolve(PREFIX + member + ".pid")).strip());
    ProcessHandle jvm =
        ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no JVM " + pid));
    assertTrue(jvm.destroyForcibly(), "SIGKILL (kill -9) was not sent to " + pid);
    jvm.onExit().get(30, TimeUnit.SECONDS);
  }

  /**
   * The dashboard's Executors panel offers an admin a confirmed Remove for the down executor only,
   * and a viewer none; after it the member has left the cluster's list.
   */
  private void removeTheKilledExecutorInTheConsole() {
    String dispatcher = "http://localhost:" + httpPorts.get(0);
    String killed = members().get(PREFIX + "Executor1").path("name").asText();
    try (Browser browser = new Browser(dispatcher)) {
      browser.login(Api.VIEWER, ENV.get("SYNGEN_VIEWER_PASSWORD"));
      browser.open("index.xhtml");
      browser.waitFor(d -> !d.findElements(By.cssSelector("tr[data-member]")).isEmpty());
      assertTrue(
          browser.driver.findElements(By.cssSelector(".remove-member")).isEmpty(),
          "a viewer is offered no Remove");
    }
    try (Browser browser = new Browser(dispatcher)) {
      browser.login(Api.ADMIN, ENV.get("SYNGEN_ADMIN_PASSWORD"));
      browser.open("index.xhtml");
      List<WebElement> removes =
          browser.waitFor(
              d -> {
                List<WebElement> found = d.findElements(By.cssSelector(".remove-member"));
                return found.isEmpty() ? null : found;
              });
      assertEquals(1, removes.size(), "Remove on the one down member only");
      WebElement row =
          browser.driver.findElement(By.cssSelector("tr[data-member='" + killed + "']"));
      row.findElement(By.cssSelector(".remove-member")).click();
      browser.confirm("members");
      String message = browser.messageContaining(killed);
      assertTrue(message.contains("Removed member " + killed), message);
      assertTrue(
          browser.driver.findElements(By.cssSelector("tr[data-member='" + killed + "']")).isEmpty(),
          "the page shows the list after the removal");
    }
    assertFalse(
        members().containsKey(PREFIX + "Executor1"), "removed from the cluster: " + members());
  }

  @Test
  @Order(2)
  void aCancelStopsTheExecutorsAtTheirChunkInFlight() throws Exception {
    String target = schema("cancelled");
    long items = 1_000_000;
    String id = start(SCENARIO.replace("\"rows\":100000", "\"rows\":" + items), target);
    awaitRunning(id, target, "items");
    Api.Reply metrics = api.anonymous("GET", "metrics?scope=application", null);
    Matcher pending =
        Pattern.compile("(?m)^syngen_cluster_chunks_pending\\{[^}]*} (\\S+)")
            .matcher(metrics.body());
    assertTrue(pending.find(), metrics.body());
    assertTrue(
        Double.parseDouble(pending.group(1)) >= 1, "chunks on executors: " + pending.group());
    long t0 = System.nanoTime();
    Api.Reply cancel = api.admin("POST", "api/v1/runs/" + id + "/cancel", null);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(200, cancel.status(), cancel.toString());
    assertEquals("cancelled", cancel.json().path("status").asText(), cancel.toString());
    assertTrue(millis < 10_000, "cancel took " + millis + " ms");
    // executors read the cancel from the shared history database between batches and abandon
    // their chunk in flight (docs/scale-out.md): two seconds later no chunk commits any more
    Thread.sleep(2_000);
    long rows = count(target, "items");
    Thread.sleep(3_000);
    assertEquals(rows, count(target, "items"), "an executor committed rows 2 s after the cancel");
    assertTrue(rows < items, "cancelled after the last row");

    // the abandoned chunks left nothing behind: a restart resumes at the partition markers
    Api.Reply restart = api.admin("POST", "api/v1/runs/" + id + "/restart", null);
    assertEquals(202, restart.status(), restart.toString());
    JsonNode done =
        api.awaitRun(id, Set.of("success", "failed", "cancelled"), Duration.ofSeconds(300));
    assertEquals("success", done.path("status").asText(), done.toString());
    assertEquals(items, count(target, "items"), "items after the restart");
    assertEquals(items, distinctIds(target, "items"), "distinct item ids after the restart");
  }

  /**
   * Waits until the table of {@code entity} holds a committed row while the run is still running;
   * fails at once with the run's record when it has ended before that.
   */
  private static void awaitRunning(String id, String target, String entity) throws Exception {
    Api.await(
        target + "." + entity + " to hold a row while run " + id + " runs",
        Duration.ofSeconds(180),
        Duration.ofMillis(20),
        () -> {
          long rows = PgTables.tableExists(target, entity) ? count(target, entity) : -1L;
          if (rows < 1) {
            JsonNode run = api.admin("GET", "api/v1/runs/" + id, null).json();
            String status = run.path("status").asText();
            assertTrue(
                Set.of("pending", "running").contains(status), "the run ended before: " + run);
          }
          return rows;
        },
        n -> n >= 1);
  }

  /** GET /api/v1/cluster/members of the dispatcher, as a viewer, by server name before the '@'. */
  private static Map<String, JsonNode> members() {
    Api.Reply r = api.viewer("GET", "api/v1/cluster/members", null);
    assertEquals(200, r.status(), r.toString());
    Map<String, JsonNode> byServer = new HashMap<>();
    for (JsonNode m : r.json()) {
      String name = m.path("name").asText();
      byServer.put(name.substring(0, name.indexOf('@')), m);
    }
    return byServer;
  }

  private static long executorRows(Map<String, JsonNode> members) {
    return members.entrySet().stream()
        .filter(e -> e.getKey().startsWith(PREFIX + "Executor"))
        .mapToLong(e -> e.getValue().path("rows_written").asLong())
        .sum();
  }

  private static boolean isUp(Map<String, JsonNode> members, String member) {
    JsonNode m = members.get(PREFIX + member);
    return m != null && "up".equals(m.path("state").asText());
  }

  private static void signal(String signal, String pid) throws Exception {
    Process p = new ProcessBuilder("kill", "-" + signal, pid).redirectErrorStream(true).start();
    assertTrue(p.waitFor(10, TimeUnit.SECONDS), "kill -" + signal + " " + pid);
    assertEquals(0, p.exitValue(), "kill -" + signal + " " + pid);
  }

  private static long distinctIds(String schema, String table) throws SQLException {
    try (Connection c = RunsIT.pg();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(DISTINCT id) FROM " + schema + "." + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String start(String scenario, String target) {
    Api.Reply r =
        api.admin(
            "POST",
            "api/v1/runs",
            "{\"scenario\":"
                + scenario
                + ",\"parallelism\":4,\"target\":{\"kind\":\"postgres\",\"dsn\":\""
                + RunsIT.pgDsn()
                + "\",\"schema\":\""
                + target
                + "\"}}");
    assertEquals(202, r.status(), r.toString());
    return r.json().path("id").asText();
  }

  private static String schema(String role) {
    String name = SCHEMAS_PREFIX + "_" + role;
    SCHEMAS.add(name);
    return name;
  }

  private static String free() throws Exception {
    return String.valueOf(LibertyProcess.freePort());
  }

  /** Runs a script of liberty/cluster with the cluster's environment; returns its output. */
  private static String script(String name, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", "liberty/cluster/" + name));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(ENV);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(1200, TimeUnit.SECONDS), name + " did not finish: " + out);
    assertEquals(0, p.exitValue(), name + ": " + out);
    return out;
  }

  /** The same scenario and seed through the command line: one process, no cluster. */
  private static void cliRun(String schema, String scenarioJson) throws Exception {
    Path dir = Files.createTempDirectory("syngen-cluster-it");
    Path scenario = Files.writeString(dir.resolve("scenario.json"), scenarioJson);
    Path target =
        Files.writeString(
            dir.resolve("target.yaml"),
            "id: cluster-it\nkind: postgres\ndsn: "
                + RunsIT.pgDsn()
                + "\nschema: "
                + schema
                + "\n");
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
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the CLI run did not finish: " + out);
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

  /** The value of a series of one sample in a Prometheus text page; fails when it is absent. */
  private static double sample(String page, String series) {
    Matcher m = Pattern.compile("(?m)^" + series + "\\{[^}]*} (\\S+)").matcher(page);
    assertTrue(m.find(), series + " missing in: " + page);
    return Double.parseDouble(m.group(1));
  }
}
