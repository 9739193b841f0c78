package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/runs/{id}/fidelity} against data in the real PostgreSQL: GO on the data as the run
 * wrote it, NO-GO naming the defect after the data is damaged, reports kept and served as JSON and
 * HTML, and bad requests refused.
 */
class FidelityIT {
  private static final String SCENARIO =
      """
      id: readings
      name: Readings
      seed: 5
      as_of: 2026-01-01T00:00:00Z
      entities:
        - name: sensors
          rows: 400
          columns:
            - {name: sensor_id, type: bigint, generator: sequence}
            - {name: kind, type: string, generator: {type: choice, params: {values: [temp, hum], weights: [3, 1]}}}
        - name: readings
          rows_per_parent: {parent: sensors, count: {type: poisson, params: {lambda: 20}}}
          columns:
            - {name: sensor_id, type: bigint, generator: {type: fk, params: {entity: sensors, column: sensor_id}}}
            - {name: value, type: double, generator: {type: gamma, params: {shape: 4, scale: 2.5}}}
      """;

  private static Api api;
  private static String schema;

  @BeforeAll
  static void server() {
    api = Api.itServer();
    schema = "syngen_fid_" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static void sql(String statement) throws SQLException {
    try (Connection c = RunsIT.pg();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private static String runIntoPostgres() throws Exception {
    String body =
        "{\"scenario\":"
            + Api.JSON.writeValueAsString(SCENARIO)
            + ",\"target\":{\"kind\":\"postgres\",\"dsn\":\""
            + RunsIT.pgDsn()
            + "\",\"schema\":\""
            + schema
            + "\"},\"mode\":\"truncate_then_insert\"}";
    Api.Reply started = api.admin("POST", "api/v1/runs", body);
    assertEquals(202, started.status(), started.toString());
    JsonNode run = api.awaitFinished(started.json().path("id").asText());
    assertEquals("success", run.path("status").asText(), run.toString());
    return run.path("id").asText();
  }

  @Test
  void dataAsWrittenIsGoAndDamagedDataIsNoGoNamingEachDefect() throws Exception {
    String id = runIntoPostgres();

    Api.Reply go = api.admin("POST", "api/v1/runs/" + id + "/fidelity", "");
    assertEquals(200, go.status(), go.toString());
    assertEquals("GO", go.json().path("verdict").asText(), go.body());
    assertEquals("GO", go.header("Syngen-Verdict"));
    assertTrue(go.body().contains("follows gamma(shape=4, scale=2.5)"), go.body());

    Api.Reply latest = api.viewer("GET", "api/v1/runs/" + id + "/fidelity", null);
    assertEquals(200, latest.status(), latest.toString());
    assertEquals(go.json().path("checked_at"), latest.json().path("checked_at"));
    Api.Reply html = api.viewer("GET", "api/v1/runs/" + id + "/fidelity/report.html", null);
    assertEquals(200, html.status());
    assertTrue(html.body().contains("<svg"), "a chart per column");

    sql("UPDATE " + schema + ".readings SET value = value + 5");
    sql("DELETE FROM " + schema + ".sensors WHERE sensor_id <= 40");
    Api.Reply noGo =
        api.admin("POST", "api/v1/runs/" + id + "/fidelity", "{\"tolerance\":\"relaxed\"}");
    assertEquals(200, noGo.status(), noGo.toString());
    assertEquals("NO_GO", noGo.json().path("verdict").asText(), noGo.body());
    String reasons = noGo.json().path("reasons").toString();
    assertTrue(reasons.contains("readings.value"), reasons);
    assertTrue(reasons.contains("sensor_id"), "the broken foreign key: " + reasons);

    JsonNode log = api.viewer("GET", "api/v1/runs/" + id + "/logs?limit=1", null).json();
    assertTrue(log.get(0).path("message").asText().startsWith("fidelity NO-GO"), log.toString());
    Api.Reply audit = api.admin("GET", "api/v1/audit?subject=run:" + id, null);
    assertTrue(audit.body().contains("run.fidelity"), audit.body());
  }

  @Test
  void badFidelityRequestsAreRefused() throws Exception {
    Api.Reply missing = api.admin("POST", "api/v1/runs/no-such-run/fidelity", "");
    assertEquals(404, missing.status(), missing.toString());

    String id = runIntoPostgres();
    Api.Reply bad =
        api.admin(
            "POST",
            "api/v1/runs/" + id + "/fidelity",
            "{\"tolerance\":\"loose\",\"alpha\":3,\"sample\":5,\"colour\":1}");
    assertEquals(422, bad.status(), bad.toString());
    for (String field : new String[] {"tolerance", "alpha", "sample", "colour"}) {
      assertTrue(bad.body().contains("\"path\":\"" + field + "\""), field + ": " + bad.body());
    }
    Api.Reply viewer = api.viewer("POST", "api/v1/runs/" + id + "/fidelity", "");
    assertEquals(403, viewer.status(), viewer.toString());
    Api.Reply none = api.viewer("GET", "api/v1/runs/" + id + "/fidelity", null);
    assertEquals(404, none.status(), "no report was stored by refused requests");
  }
}
