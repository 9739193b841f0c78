package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs over REST: into CSV, SQLite and PostgreSQL, plans, validation, cancel, restart, rerun. */
class RunsIT {
  /** 400,000 rows of Datafaker values: slow enough to cancel mid-way, small on disk. */
  static final String SLOW_SCENARIO =
      "{\"id\":\"it-slow\",\"name\":\"slow\",\"seed\":7,\"as_of\":\"2026-01-01T00:00:00Z\","
          + "\"entities\":[{\"name\":\"people\",\"rows\":400000,\"columns\":["
          + "{\"name\":\"id\",\"type\":\"bigint\",\"generator\":{\"type\":\"sequence\"}},"
          + "{\"name\":\"full_name\",\"type\":\"string\",\"generator\":{\"type\":\"faker_name\"}},"
          + "{\"name\":\"email\",\"type\":\"string\",\"generator\":{\"type\":\"faker_email\"}},"
          + "{\"name\":\"city\",\"type\":\"string\",\"generator\":{\"type\":\"faker_city\"}}]}]}";

  private static Api api;
  private static Path output;

  @BeforeAll
  static void server() {
    api = Api.itServer();
    output = Path.of(System.getProperty("syngen.it.output.dir", "out"));
  }

  private static String start(String body) {
    Api.Reply r = api.admin("POST", "api/v1/runs", body);
    assertEquals(202, r.status(), r.toString());
    String id = r.json().path("id").asText();
    assertTrue(r.header("Location").endsWith("/api/v1/runs/" + id), r.toString());
    return id;
  }

  @Test
  void aCsvRunSucceedsWithExactPerEntityStats() throws IOException {
    String target = api.createCsvTarget();
    String id =
        start("{\"scenario_id\":\"iot-demo\",\"target_id\":\"" + target + "\",\"scale\":0.1}");

    JsonNode run = api.awaitFinished(id);

    assertEquals("success", run.path("status").asText(), run.toString());
    Map<String, Long> expected = Map.of("sites", 5L, "devices", 200L, "telemetry", 10_000L);
    assertEquals(3, run.path("entities").size());
    for (JsonNode e : run.path("entities")) {
      long rows = expected.get(e.path("entity").asText());
      assertEquals(rows, e.path("rows_planned").asLong(), e.toString());
      assertEquals(rows, e.path("rows_written").asLong(), e.toString());
      assertEquals(
          rows + 1,
          lines(output.resolve("it/" + target + "/" + e.path("table").asText() + ".csv")));
    }
    assertEquals(10_205, run.path("progress_rows_generated").asLong());
    assertEquals(10_205, run.path("progress_rows_total").asLong());
    assertEquals(3, run.path("progress_entities_done").asInt());
    assertEquals(3, run.path("progress_entities_total").asInt());
    assertEquals(0, run.path("eta_seconds").asLong());
    assertEquals(20260217, run.path("seed").asLong());
    assertEquals("2026-01-01T00:00:00Z", run.path("as_of").asText());
    assertEquals(64, run.path("config_hash").asText().length());
    assertTrue(run.path("error").isNull(), run.toString());
  }

  @Test
  void aSqliteRunWritesEveryPlannedRow() throws SQLException {
    String dir = "out/it/sqlite-" + UUID.randomUUID().toString().substring(0, 8);
    String id =
        start(
            "{\"scenario_id\":\"finance-demo\",\"scale\":0.02,\"seed\":99,"
                + "\"target\":{\"kind\":\"sqlite\",\"dsn\":\""
                + dir
                + "/finance.sqlite\"}}");

    JsonNode run = api.awaitFinished(id);

    assertEquals("success", run.path("status").asText(), run.toString());
    Path db = output.resolve(dir.substring(4) + "/finance.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      for (JsonNode e : run.path("entities")) {
        assertEquals(
            e.path("rows_planned").asLong(), count(c, e.path("table").asText()), e.toString());
      }
    }
    assertEquals(99, run.path("seed").asLong());
  }

  @Test
  void aPostgresRunWritesEveryPlannedRow() throws SQLException {
    String schema = "syngen_it_" + UUID.randomUUID().toString().substring(0, 8);
    String id =
        start(
            "{\"scenario_id\":\"finance-demo\",\"scale\":0.05,\"target\":{\"kind\":\"postgres\","
                + "\"dsn\":\""
                + pgDsn()
                + "\",\"schema\":\""
                + schema
                + "\"}}");

    JsonNode run = api.awaitFinished(id);

    assertEquals("success", run.path("status").asText(), run.toString());
    assertEquals("postgres", run.path("target_kind").asText());
    try (Connection c = pg()) {
      for (JsonNode e : run.path("entities")) {
        assertEquals(
            e.path("rows_planned").asLong(),
            count(c, schema + "." + e.path("table").asText()),
            e.toString());
      }
      try (Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  @Test
  void planShowsOrderCountsAndHashWithoutRecordingAnything() {
    String before = newestRunId();
    Api.Reply r =
        api.anonymous(
            "POST",
            "api/v1/runs/plan",
            "{\"scenario_id\":\"finance-demo\",\"seed\":5,\"entity_counts\":{\"customers\":10}}");

    assertEquals(200, r.status(), r.toString());
    JsonNode plan = r.json();
    assertEquals(5, plan.path("seed").asLong());
    assertEquals("customers", plan.path("entities").get(0).path("entity").asText());
    assertEquals(10, plan.path("entities").get(0).path("rows").asLong());
    assertEquals(64, plan.path("config_hash").asText().length());
    assertEquals("local-sqlite", plan.path("target_id").asText());
    assertEquals(before, newestRunId());
  }

  @Test
  void badRequestsGetClearFourHundreds() {
    String before = newestRunId();
    Api.Reply malformed = api.admin("POST", "api/v1/runs", "{\"scenario_id\": ");
    assertEquals(400, malformed.status(), malformed.toString());
    assertTrue(malformed.json().path("detail").asText().contains("not valid JSON"));

    Api.Reply invalid =
        api.admin(
            "POST",
            "api/v1/runs",
            "{\"scenario_id\":\"iot-demo\",\"scale\":-2,\"colour\":1,\"mode\":\"replace\","
                + "\"entity_counts\":{\"nobody\":3},\"target_id\":\"no-such-target\"}");
    assertEquals(422, invalid.status(), invalid.toString());
    assertEquals("application/problem+json", invalid.header("Content-Type").split(";")[0]);
    List<String> paths = new ArrayList<>();
    invalid.json().path("errors").forEach(e -> paths.add(e.path("path").asText()));
    assertTrue(
        paths.containsAll(List.of("colour", "mode", "scale", "entity_counts.nobody", "target_id")),
        paths.toString());

    Api.Reply absurd =
        api.admin(
            "POST",
            "api/v1/runs",
            "{\"scenario_id\":\"iot-demo\",\"entity_counts\":{\"telemetry\":1000000000000000},"
                + "\"parallelism\":100000}");
    assertEquals(422, absurd.status(), absurd.toString());
    assertTrue(absurd.body().contains("entity_counts.telemetry"), absurd.body());
    assertTrue(absurd.body().contains("parallelism"), absurd.body());

    Api.Reply huge =
        api.admin("POST", "api/v1/runs", "{\"scenario\":\"" + "x".repeat(3_000_000) + "\"}");
    assertEquals(413, huge.status(), huge.status() + "");

    Api.Reply notJson =
        api.call(
            "POST", "api/v1/runs", "text/plain", "scenario_id=x", Api.ADMIN, api.adminPassword());
    assertEquals(415, notJson.status(), notJson.toString());

    assertEquals(before, newestRunId());
  }

  @Test
  void runCallsNeedAnAdmin() {
    String body = "{\"scenario_id\":\"iot-demo\"}";
    Api.Reply anonymous = api.anonymous("POST", "api/v1/runs", body);
    assertEquals(401, anonymous.status(), anonymous.toString());
    assertNotNull(anonymous.header("WWW-Authenticate"));
    Api.Reply viewer = api.viewer("POST", "api/v1/runs", body);
    assertEquals(403, viewer.status(), viewer.toString());
    assertEquals("Forbidden", viewer.json().path("title").asText());
    assertEquals(403, api.viewer("POST", "api/v1/runs/x/cancel", null).status());
    assertEquals(403, api.viewer("POST", "api/v1/runs/x/restart", null).status());
    assertEquals(403, api.viewer("POST", "api/v1/runs/x/rerun", null).status());
    assertEquals(200, api.viewer("GET", "api/v1/runs", null).status());
  }

  @Test
  void cancelStopsPromptlyAndRestartResumesToTheRowsOfAnUninterruptedRun() throws IOException {
    String target = api.createCsvTarget();
    String id =
        start(
            "{\"scenario\":"
                + SLOW_SCENARIO
                + ",\"target_id\":\""
                + target
                + "\",\"mode\":\"truncate\",\"parallelism\":1"
                // paced: an idle machine wrote all 400,000 rows before the cancel arrived
                + ",\"traffic\":{\"rate\":\"50k/s\"}}");
    api.awaitRun(id, Set.of("running"), Duration.ofSeconds(30));
    JsonNode running = api.awaitRows(id, 1, Duration.ofSeconds(30));

    long t0 = System.nanoTime();
    Api.Reply cancel = api.admin("POST", "api/v1/runs/" + id + "/cancel", null);
    long millis = (System.nanoTime() - t0) / 1_000_000;

    assertEquals(200, cancel.status(), cancel.toString());
    JsonNode cancelled = cancel.json();
    assertEquals("cancelled", cancelled.path("status").asText(), cancelled.toString());
    assertTrue(millis < 5000, "cancel took " + millis + " ms");
    long written = cancelled.path("progress_rows_generated").asLong();
    assertTrue(written > 0 && written < 400_000, cancelled.toString());
    assertEquals(written + 1, lines(output.resolve("it/" + target + "/people.csv")));

    Api.Reply restart = api.admin("POST", "api/v1/runs/" + id + "/restart", null);
    assertEquals(202, restart.status(), restart.toString());
    JsonNode done = api.awaitFinished(id);
    assertEquals("success", done.path("status").asText(), done.toString());
    assertEquals(400_000, done.path("entities").get(0).path("rows_written").asLong());
    Path file = output.resolve("it/" + target + "/people.csv");
    assertEquals(400_001, lines(file));
    String restarted = sha256(file);

    Api.Reply rerun = api.admin("POST", "api/v1/runs/" + id + "/rerun", null);
    assertEquals(202, rerun.status(), rerun.toString());
    String rerunId = rerun.json().path("id").asText();
    assertNotEquals(id, rerunId);
    JsonNode again = api.awaitFinished(rerunId);
    assertEquals("success", again.path("status").asText(), again.toString());
    assertEquals(done.path("config_hash").asText(), again.path("config_hash").asText());
    assertEquals(done.path("seed").asLong(), again.path("seed").asLong());
    assertEquals(done.path("as_of").asText(), again.path("as_of").asText());
    assertEquals(restarted, sha256(file), "the rerun replaced the file with identical bytes");

    List<String> actions = new ArrayList<>();
    api.admin("GET", "api/v1/audit?subject=run:" + id, null)
        .json()
        .forEach(
            a -> {
              actions.add(a.path("action").asText());
              assertEquals("admin", a.path("user").asText());
            });
    assertEquals(List.of("run.restart", "run.cancel", "run.start"), actions);
    JsonNode rerunAudit = api.admin("GET", "api/v1/audit?subject=run:" + rerunId, null).json();
    assertEquals("run.rerun", rerunAudit.get(0).path("action").asText());
    assertTrue(rerunAudit.get(0).path("details").asText().contains(id));
  }

  @Test
  void logsComeNewestFirstAndRespectTheLimit() {
    String id =
        start(
            "{\"scenario_id\":\"iot-demo\",\"target_id\":\""
                + api.createCsvTarget()
                + "\",\"scale\":0.01}");
    api.awaitFinished(id);

    JsonNode logs = api.viewer("GET", "api/v1/runs/" + id + "/logs?limit=2", null).json();

    assertEquals(2, logs.size(), logs.toString());
    assertTrue(logs.get(0).path("message").asText().startsWith("run success"), logs.toString());
    assertTrue(
        logs.get(0).path("timestamp").asText().compareTo(logs.get(1).path("timestamp").asText())
            >= 0);
    assertEquals(32, logs.get(0).path("trace_id").asText().length());
    JsonNode all = api.viewer("GET", "api/v1/runs/" + id + "/logs", null).json();
    assertTrue(all.get(all.size() - 1).path("message").asText().startsWith("created by admin"));
    assertEquals(400, api.viewer("GET", "api/v1/runs/" + id + "/logs?limit=x", null).status());
  }

  @Test
  void listingFiltersByStatusAndUnknownRunsAreNotFound() {
    String id =
        start(
            "{\"scenario_id\":\"iot-demo\",\"target_id\":\""
                + api.createCsvTarget()
                + "\",\"scale\":0.01}");
    api.awaitFinished(id);

    JsonNode ok = api.viewer("GET", "api/v1/runs?status=success&limit=50", null).json();
    assertTrue(ok.size() >= 1);
    ok.forEach(r -> assertEquals("success", r.path("status").asText()));
    assertEquals(400, api.viewer("GET", "api/v1/runs?status=finished", null).status());
    Api.Reply missing = api.viewer("GET", "api/v1/runs/no-such-run", null);
    assertEquals(404, missing.status());
    assertEquals("application/problem+json", missing.header("Content-Type").split(";")[0]);
    Api.Reply noPath = api.viewer("GET", "api/v1/no-such-collection", null);
    assertEquals(404, noPath.status());
    assertEquals(404, noPath.json().path("status").asInt(), noPath.body());
    Api.Reply restartDone = api.admin("POST", "api/v1/runs/" + id + "/restart", null);
    assertEquals(409, restartDone.status(), restartDone.toString());
    Api.Reply cancelDone = api.admin("POST", "api/v1/runs/" + id + "/cancel", null);
    assertEquals(409, cancelDone.status(), cancelDone.toString());
  }

  private static String newestRunId() {
    JsonNode runs = api.viewer("GET", "api/v1/runs?limit=1", null).json();
    return runs.isEmpty() ? "" : runs.get(0).path("id").asText();
  }

  static String pgDsn() {
    return System.getenv()
        .getOrDefault("SYNGEN_TEST_PG_DSN", "postgres://postgres@127.0.0.1:5432/test");
  }

  static Connection pg() throws SQLException {
    String dsn = pgDsn().replaceFirst("^postgres(ql)?://", "");
    String userInfo = dsn.contains("@") ? dsn.substring(0, dsn.indexOf('@')) : "postgres";
    String hostPath = dsn.contains("@") ? dsn.substring(dsn.indexOf('@') + 1) : dsn;
    String user = userInfo.contains(":") ? userInfo.substring(0, userInfo.indexOf(':')) : userInfo;
    String password = userInfo.contains(":") ? userInfo.substring(userInfo.indexOf(':') + 1) : "";
    return DriverManager.getConnection("jdbc:postgresql://" + hostPath, user, password);
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static long lines(Path file) throws IOException {
    try (Stream<String> s = Files.lines(file)) {
      return s.count();
    }
  }

  static String sha256(Path file) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
