package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * {@code /api/v1/index-gate} and the console's index gate page against the chat pack's {@code ci}
 * band in the real PostgreSQL: the pack's indexes are GO (and dropped again on rollback), the
 * report is kept as JSON and HTML, bad requests are refused with their fields and write nothing,
 * and only an admin may run a gate.
 */
class IndexGateIT {
  private static Api api;
  private static String schema;
  private static String target;

  @BeforeAll
  static void chatInPostgres() {
    api = Api.itServer();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    schema = "syngen_ig_" + suffix;
    target = "it-ig-" + suffix;
    Api.Reply created =
        api.admin(
            "POST",
            "api/v1/targets",
            "{\"id\":\""
                + target
                + "\",\"kind\":\"postgres\",\"dsn\":\""
                + RunsIT.pgDsn()
                + "\",\"schema\":\""
                + schema
                + "\"}");
    assertEquals(201, created.status(), created.toString());
    Api.Reply started =
        api.admin(
            "POST",
            "api/v1/runs",
            "{\"scenario_id\":\"chat\",\"target_id\":\"" + target + "\",\"band\":\"ci\"}");
    assertEquals(202, started.status(), started.toString());
    JsonNode run = api.awaitFinished(started.json().path("id").asText());
    assertEquals("success", run.path("status").asText(), run.toString());
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    try (Connection c = RunsIT.pg();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  private static long indexes() throws SQLException {
    try (Connection c = RunsIT.pg();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT count(*) FROM pg_indexes WHERE schemaname = '" + schema + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void thePacksIndexesAreGoAndTheReportIsKept() throws Exception {
    Api.Reply packs = api.viewer("GET", "api/v1/index-gate/packs", null);
    assertEquals(200, packs.status(), packs.toString());
    assertTrue(packs.body().contains("\"chat\""), packs.body());

    Api.Reply gate =
        api.admin(
            "POST",
            "api/v1/index-gate",
            "{\"target\":\""
                + target
                + "\",\"pack\":\"chat\",\"warmup\":1,\"runs\":3,\"rollback\":\"always\"}");
    assertEquals(200, gate.status(), gate.toString());
    assertEquals("GO", gate.header("Syngen-Verdict"), gate.body());
    JsonNode d = gate.json().path("decision");
    assertTrue(d.path("average_improvement_pct").asDouble() > 30, d.toString());
    assertTrue(d.path("sorts_eliminated_pct").asDouble() > 60, d.toString());
    assertEquals(5, d.path("queries").size());
    assertEquals(4, gate.json().path("rolled_back").size(), gate.body());
    assertEquals(0, indexes(), "rolled back");

    String id = gate.json().path("id").asText();
    Api.Reply shown = api.viewer("GET", "api/v1/index-gate/" + id, null);
    assertEquals(200, shown.status(), shown.toString());
    assertEquals("before", shown.json().path("before").path("phase").asText());
    Api.Reply html = api.viewer("GET", "api/v1/index-gate/" + id + "/report.html", null);
    assertEquals(200, html.status());
    assertTrue(
        html.body().contains("<h3>after</h3>") && html.body().contains("Node Type"), "plans");
    assertTrue(api.viewer("GET", "api/v1/index-gate", null).body().contains(id));
    Api.Reply audit = api.admin("GET", "api/v1/audit?subject=target:" + target, null);
    assertTrue(audit.body().contains("index gate GO"), audit.body());
  }

  @Test
  void badRequestsAreRefusedWithTheirFieldsAndWriteNothing() throws Exception {
    Api.Reply viewer =
        api.viewer(
            "POST", "api/v1/index-gate", "{\"target\":\"" + target + "\",\"pack\":\"chat\"}");
    assertEquals(403, viewer.status(), viewer.toString());

    Api.Reply fields =
        api.admin(
            "POST",
            "api/v1/index-gate",
            "{\"target\":\"" + target + "\",\"runs\":0,\"rollback\":\"maybe\",\"path\":\"/etc\"}");
    assertEquals(422, fields.status(), fields.toString());
    for (String f : new String[] {"runs", "rollback", "path", "pack"}) {
      assertTrue(fields.body().contains("\"path\":\"" + f + "\""), f + ": " + fields.body());
    }

    Api.Reply sql =
        api.admin(
            "POST",
            "api/v1/index-gate",
            "{\"target\":\""
                + target
                + "\",\"queries\":\"-- name: wipe\\nDELETE FROM messages\","
                + "\"ddl\":\"DROP TABLE messages\"}");
    assertEquals(422, sql.status(), sql.toString());
    assertTrue(sql.body().contains("queries.wipe"), sql.body());
    assertTrue(sql.body().contains("ddl line 1"), sql.body());

    Api.Reply pack =
        api.admin(
            "POST", "api/v1/index-gate", "{\"target\":\"" + target + "\",\"pack\":\"../chat\"}");
    assertEquals(422, pack.status(), pack.toString());
    Api.Reply csv =
        api.admin(
            "POST",
            "api/v1/index-gate",
            "{\"target\":\"" + api.createCsvTarget() + "\",\"pack\":\"chat\"}");
    assertEquals(422, csv.status(), csv.toString());
    assertTrue(csv.body().contains("postgres or mariadb targets"), csv.body());
    assertEquals(
        404,
        api.admin("POST", "api/v1/index-gate", "{\"target\":\"no-such\",\"pack\":\"chat\"}")
            .status());
    assertEquals(404, api.viewer("GET", "api/v1/index-gate/no-such-gate", null).status());
    assertEquals(0, indexes(), "nothing was created");
    try (Connection c = RunsIT.pg();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + schema + ".messages")) {
      rs.next();
      assertEquals(400_000, rs.getLong(1));
    }
  }

  @Test
  void theConsolePageRunsTheGateAndShowsTheDecision() throws Exception {
    try (Browser browser = new Browser()) {
      browser.login(Api.ADMIN, api.adminPassword());
      browser.click("nav-index-gate");
      browser.waitFor(d -> d.findElements(By.id("gate:run")).size() > 0);
      new Select(browser.driver.findElement(By.id("gate:target"))).selectByValue(target);
      new Select(browser.driver.findElement(By.id("gate:pack"))).selectByValue("chat");
      new Select(browser.driver.findElement(By.id("gate:rollback"))).selectByValue("always");
      browser.type("gate:warmup", "1");
      browser.type("gate:runs", "3");
      browser.click("gate:run");
      browser.waitFor(
          Duration.ofSeconds(120), d -> d.findElements(By.id("gate-verdict")).size() > 0);
      assertEquals("GO", browser.text("gate-verdict"));
      assertEquals(5, browser.driver.findElements(By.cssSelector("#gate-queries tbody tr")).size());
      assertTrue(
          browser
              .driver
              .findElement(By.id("gate-report"))
              .getAttribute("href")
              .contains("/report.html"));
      assertFalse(browser.text("gate-rolled-back").isEmpty());
      browser.screenshot("index-gate");
    }
    assertEquals(0, indexes(), "rolled back");
  }
}
