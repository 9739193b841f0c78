package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Switching the run history to PostgreSQL is configuration only: a second server of the same build
 * (syngenServerPgIT) is started with SYNGEN_DB_KIND=postgres and a fresh schema, records a run
 * there, and still shows it after a restart. A run into PostgreSQL interrupted by that restart is
 * then resumed and ends with exactly its planned rows, no duplicates. The viewer's password is not
 * configured here, so this server also shows the generated-password bootstrap, and that a first
 * start logs no error-level message (users without a password were CWWKS3100E). Reads need a
 * sign-in on the first start; the restart sets SYNGEN_API_ANONYMOUS_READS=true, which opens reads
 * but not the audit log or changes.
 */
class PostgresHistoryIT {
  private static final String SERVER = "syngenServerPgIT";
  private static final Path SERVER_DIR = LibertyProcess.WLP_DIR.resolve("usr/servers/" + SERVER);
  private static final long BIG_ROWS = 3_000_000;

  @Test
  void runHistoryLivesInPostgresAndSurvivesARestart() throws Exception {
    String schema = "syngen_history_it_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = RunsIT.pg();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    LibertyProcess server =
        new LibertyProcess(
            SERVER,
            LibertyProcess.postgresHistory(
                schema,
                // the viewer's password is not configured: the normal first start
                Map.of("SYNGEN_ADMIN_PASSWORD", "pg-it-admin-" + UUID.randomUUID())));
    Map<String, String> env = server.environment();
    // a first start: no generated passwords, also none an older build left in
    // configDropins/defaults
    Files.deleteIfExists(
        SERVER_DIR.resolve("configDropins/overrides/zz-syngen-generated-passwords.xml"));
    Files.deleteIfExists(
        SERVER_DIR.resolve("configDropins/defaults/zz-syngen-generated-passwords.xml"));
    URI base = server.base();
    try {
      server.start();
      String viewerPassword = awaitGeneratedViewerPassword(new Api(base, null, null));
      assertEquals(List.of(), errorLines(messagesLog()), "a first start logs no error message");
      Api api = new Api(base, env.get("SYNGEN_ADMIN_PASSWORD"), viewerPassword);
      assertEquals(200, api.viewer("GET", "api/v1/audit?limit=1", null).status());
      assertEquals(403, api.viewer("POST", "api/v1/runs", "{}").status());
      assertEquals(401, api.anonymous("GET", "api/v1/runs", null).status(), "reads need sign-in");
      assertEquals(
          null, Api.generatedPassword(SERVER_DIR, "admin"), "the configured admin password wins");
      String id = runSmallScenario(api);
      JsonNode before = api.viewer("GET", "api/v1/runs/" + id, null).json();
      try (Connection c = RunsIT.pg()) {
        assertEquals(
            "success", column(c, "SELECT status FROM " + schema + ".syngen_run WHERE id = ?", id));
        assertEquals(
            "run.start",
            column(
                c,
                "SELECT audit_action FROM " + schema + ".syngen_audit WHERE subject = ?",
                "run:" + id));
      }
      String interrupted = startBigPostgresRun(api, schema);

      server.stop();
      // restarted on a "trusted network": anyone may read, the audit log still needs a sign-in
      env.put("SYNGEN_API_ANONYMOUS_READS", "true");
      server.start();
      api.awaitReady(Duration.ofSeconds(300));
      assertFalse(messagesLog().contains("generated the password"), "reused silently");
      assertEquals(200, api.viewer("GET", "api/v1/audit?limit=1", null).status());
      assertEquals(200, api.anonymous("GET", "api/v1/runs/" + id, null).status());
      assertEquals(200, api.anonymous("HEAD", "api/v1/targets", null).status());
      assertEquals(401, api.anonymous("GET", "api/v1/audit?limit=1", null).status());
      assertEquals(401, api.anonymous("POST", "api/v1/runs", "{}").status());

      JsonNode after = api.viewer("GET", "api/v1/runs/" + id, null).json();
      assertEquals("success", after.path("status").asText(), after.toString());
      assertEquals(before.path("config_hash"), after.path("config_hash"));
      assertEquals(before.path("entities"), after.path("entities"));
      assertTrue(api.viewer("GET", "api/v1/runs/" + id + "/logs", null).json().size() >= 3);

      JsonNode stopped = api.viewer("GET", "api/v1/runs/" + interrupted, null).json();
      assertTrue(
          Set.of("cancelled", "failed").contains(stopped.path("status").asText()),
          stopped.toString());
      Api.Reply restart = api.admin("POST", "api/v1/runs/" + interrupted + "/restart", null);
      assertEquals(202, restart.status(), restart.toString());
      assertEquals("success", api.awaitFinished(interrupted).path("status").asText());
      try (Connection c = RunsIT.pg()) {
        assertEquals(
            String.valueOf(BIG_ROWS), scalar(c, "SELECT count(*) FROM " + schema + "_data.people"));
        assertEquals(
            String.valueOf(BIG_ROWS),
            scalar(c, "SELECT count(DISTINCT id) FROM " + schema + "_data.people"));
      }
    } finally {
      server.stop();
      try (Connection c = RunsIT.pg();
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  /**
   * Starts a run into PostgreSQL big enough to be still running when the server is stopped; returns
   * its id once rows are being written.
   */
  private static String startBigPostgresRun(Api api, String schema) {
    String scenario = RunsIT.SLOW_SCENARIO.replace("\"rows\":400000", "\"rows\":" + BIG_ROWS);
    Api.Reply r =
        api.admin(
            "POST",
            "api/v1/runs",
            "{\"scenario\":"
                + scenario
                + ",\"parallelism\":1,\"target\":{\"kind\":\"postgres\","
                + "\"dsn\":\""
                + RunsIT.pgDsn()
                + "\",\"schema\":\""
                + schema
                + "_data\"}}");
    assertEquals(202, r.status(), r.toString());
    String id = r.json().path("id").asText();
    api.awaitRun(id, Set.of("running"), Duration.ofSeconds(30));
    JsonNode run = api.awaitRows(id, 1, Duration.ofSeconds(30));
    assertEquals("running", run.path("status").asText(), run.toString());
    return id;
  }

  /**
   * The viewer has no configured password, so the first start generates one, prints it once and
   * stores it; Liberty picks it up with a configuration update (which may restart the application).
   */
  private static String awaitGeneratedViewerPassword(Api anonymous) throws IOException {
    anonymous.awaitReady(Duration.ofSeconds(300));
    String password = Api.generatedPassword(SERVER_DIR, "viewer");
    assertNotNull(password, "no generated viewer password");
    assertEquals(24, password.length());
    Api viewer = new Api(anonymous.base(), null, password);
    Api.await(
        "the generated viewer password to work",
        Duration.ofSeconds(120),
        Duration.ofMillis(250),
        () -> viewer.viewer("GET", "api/v1/audit?limit=1", null).status(),
        status -> status == 200);
    anonymous.awaitReady(Duration.ofSeconds(300));
    String log = messagesLog();
    int first = log.indexOf(password);
    assertTrue(first > 0 && log.indexOf(password, first + 1) < 0, "printed exactly once");
    return password;
  }

  /**
   * Error-level lines of a messages.log, in the simple format ({@code [time] thread logger E
   * CWWKS3100E: …}) or as JSON ({@code "loglevel":"ERROR"} or {@code "SEVERE"}).
   */
  static List<String> errorLines(String log) {
    return log.lines()
        .filter(
            l ->
                l.matches("^\\[[^\\]]+\\] \\S+ \\S+ +E .*")
                    || l.contains("\"loglevel\":\"ERROR\"")
                    || l.contains("\"loglevel\":\"SEVERE\""))
        .toList();
  }

  private static String messagesLog() throws IOException {
    return Files.readString(SERVER_DIR.resolve("logs/messages.log"));
  }

  private static String runSmallScenario(Api api) {
    String target = api.createCsvTarget();
    Api.Reply r =
        api.admin(
            "POST",
            "api/v1/runs",
            "{\"scenario_id\":\"iot-demo\",\"target_id\":\"" + target + "\",\"scale\":0.01}");
    assertEquals(202, r.status(), r.toString());
    String id = r.json().path("id").asText();
    assertEquals("success", api.awaitFinished(id).path("status").asText());
    return id;
  }

  private static String column(Connection c, String sql, String param) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "no row for " + param + ": " + sql);
        return rs.getString(1);
      }
    }
  }

  private static String scalar(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return rs.getString(1);
    }
  }
}
