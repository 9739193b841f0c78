package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/scenarios/draft} against the running server and a real PostgreSQL schema of
 * its own: a preview, a save into scenarios/, and the refusals (bad fields, viewer, unknown or
 * unreadable target), none of which echoes a DSN's password.
 */
class ScenarioDraftIT {
  private static final String DSN = "postgres://postgres@127.0.0.1:5432/test";
  private static Api api;
  private static String schema;
  private static String target;

  private static Connection connect() throws SQLException {
    Properties p = new Properties();
    p.put("user", "postgres");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", p);
  }

  @BeforeAll
  static void setUp() throws SQLException {
    api = Api.itServer();
    byte[] b = new byte[3];
    ThreadLocalRandom.current().nextBytes(b);
    schema = "fromdb_it_srv_" + HexFormat.of().formatHex(b);
    target = "draft-" + HexFormat.of().formatHex(b);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
      s.execute(
          "CREATE TABLE "
              + schema
              + ".teams (team_id int PRIMARY KEY, label varchar(40) NOT NULL"
              + " UNIQUE, tier text NOT NULL CHECK (tier IN ('gold','silver')))");
      s.execute(
          "CREATE TABLE "
              + schema
              + ".players (player_id bigint PRIMARY KEY, team_id int NOT NULL"
              + " REFERENCES "
              + schema
              + ".teams, email varchar(120) NOT NULL,"
              + " score int CHECK (score BETWEEN 0 AND 100))");
      s.execute(
          "INSERT INTO "
              + schema
              + ".teams SELECT g, 'team ' || g,"
              + " CASE WHEN g % 3 = 0 THEN 'gold' ELSE 'silver' END FROM generate_series(1, 60) g");
      s.execute(
          "INSERT INTO "
              + schema
              + ".players SELECT g, 1 + g % 60, 'p' || g || '@corp.example',"
              + " g % 101 FROM generate_series(1, 900) g");
    }
    Api.Reply created =
        api.admin(
            "POST",
            "api/v1/targets",
            "{\"id\":\""
                + target
                + "\",\"name\":\"draft source\",\"kind\":\"postgres\","
                + "\"dsn\":\""
                + DSN
                + "\",\"schema\":\""
                + schema
                + "\"}");
    assertEquals(201, created.status(), created.toString());
  }

  @AfterAll
  static void tearDown() throws Exception {
    api.admin("DELETE", "api/v1/targets/" + target, null);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      s.execute("DROP SCHEMA IF EXISTS " + schema + "_x4 CASCADE");
    }
    // the server's scenarios directory is the project's: remove the draft the test saved
    Path root = Path.of(System.getProperty("syngen.it.output.dir", "out")).getParent();
    Files.deleteIfExists(root.resolve("scenarios").resolve(target + ".yaml"));
    Files.deleteIfExists(root.resolve("scenarios").resolve(target + "-x4.yaml"));
  }

  /**
   * The reported "--scale 4 does not scale the parents", on the server's path: a saved draft run
   * through {@code POST /api/v1/runs} with {@code scale: 4} writes four times the teams, and every
   * team has the original's 15 players (the original's law is exactly 15 per team).
   */
  @Test
  void aSavedDraftRunThroughTheApiAtScaleFourHasFourTimesTheParentsAndTheirLaw()
      throws SQLException {
    String id = target + "-x4";
    Api.Reply saved =
        api.admin(
            "POST",
            "api/v1/scenarios/draft",
            "{\"target\":\"" + target + "\",\"id\":\"" + id + "\",\"save\":true}");
    assertEquals(201, saved.status(), saved.toString());
    String copy = schema + "_x4";
    Api.Reply created =
        api.admin(
            "POST",
            "api/v1/targets",
            "{\"id\":\""
                + id
                + "\",\"name\":\"copy at 4x\",\"kind\":\"postgres\",\"dsn\":\""
                + DSN
                + "\",\"schema\":\""
                + copy
                + "\"}");
    assertEquals(201, created.status(), created.toString());
    try {
      Api.Reply started =
          api.admin(
              "POST",
              "api/v1/runs",
              "{\"scenario_id\":\"" + id + "\",\"target_id\":\"" + id + "\",\"scale\":4}");
      assertEquals(202, started.status(), started.toString());
      JsonNode run = api.awaitFinished(started.json().path("id").asText());
      assertEquals("success", run.path("status").asText(), run.toString());
      try (Connection c = connect();
          Statement s = c.createStatement()) {
        assertEquals(240, count(s, "SELECT count(*) FROM " + copy + ".teams"));
        assertEquals(3600, count(s, "SELECT count(*) FROM " + copy + ".players"));
        assertEquals(
            0,
            count(
                s,
                "SELECT count(*) FROM (SELECT team_id FROM "
                    + copy
                    + ".players GROUP BY team_id HAVING count(*) <> 15) t"),
            "a team without the original's 15 players");
      }
    } finally {
      api.admin("DELETE", "api/v1/targets/" + id, null);
    }
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (java.sql.ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void previewsADraftOfTheTargetsSchema() {
    Api.Reply r = api.admin("POST", "api/v1/scenarios/draft", "{\"target\":\"" + target + "\"}");

    assertEquals(200, r.status(), r.toString());
    JsonNode d = r.json();
    assertEquals(2, d.path("tables").size(), d.toString());
    String yaml = d.path("yaml").asText();
    assertTrue(yaml.contains("rows_per_parent"), yaml);
    assertTrue(
        yaml.contains("values: [silver, gold]") || yaml.contains("values: [gold, silver]"), yaml);
    assertFalse(yaml.contains("@corp.example"), "an e-mail was copied: " + yaml);
    assertTrue(d.path("ddl").toString().contains("FOREIGN KEY"), d.toString());
    assertTrue(d.path("saved_as").isNull(), d.toString());
  }

  @Test
  void savesADraftIntoTheScenariosDirectoryUnderItsId() {
    Api.Reply r =
        api.admin(
            "POST",
            "api/v1/scenarios/draft",
            "{\"target\":\"" + target + "\",\"id\":\"" + target + "\",\"save\":true}");
    assertEquals(201, r.status(), r.toString());
    assertEquals(target + ".yaml", r.json().path("saved_as").asText());

    JsonNode shown = api.viewer("GET", "api/v1/scenarios/" + target, null).json();
    assertTrue(shown.path("valid").asBoolean(), shown.toString());

    Api.Reply again =
        api.admin(
            "POST",
            "api/v1/scenarios/draft",
            "{\"target\":\"" + target + "\",\"id\":\"" + target + "\",\"save\":true}");
    assertEquals(409, again.status(), again.toString());
  }

  @Test
  void refusesBadFieldsAllAtOnceWithTheirNames() {
    Api.Reply r =
        api.admin(
            "POST",
            "api/v1/scenarios/draft",
            "{\"target\":\"../etc\",\"sample\":5,\"k\":1,\"on_unknown\":\"maybe\","
                + "\"id\":\"Bad Id\",\"dsn\":\"x\",\"include\":[\"a;drop\"]}");
    assertEquals(422, r.status(), r.toString());
    for (String field :
        new String[] {"target", "sample", "k", "on_unknown", "id", "dsn", "include"}) {
      assertTrue(r.body().contains("\"" + field), field + " not named: " + r.body());
    }
  }

  @Test
  void aViewerMayNotDraftAndUnknownOrUnreadableTargetsAreNamed() {
    assertEquals(
        403,
        api.viewer("POST", "api/v1/scenarios/draft", "{\"target\":\"" + target + "\"}").status());
    Api.Reply missing =
        api.admin("POST", "api/v1/scenarios/draft", "{\"target\":\"no-such-target\"}");
    assertEquals(404, missing.status(), missing.toString());
    Api.Reply csv = api.admin("POST", "api/v1/scenarios/draft", "{\"target\":\"local-csv\"}");
    assertEquals(422, csv.status(), csv.toString());

    String down = target + "-down";
    api.admin(
        "POST",
        "api/v1/targets",
        "{\"id\":\""
            + down
            + "\",\"name\":\"down\",\"kind\":\"postgres\","
            + "\"dsn\":\"postgres://nobody:hunter2@127.0.0.1:1/none\"}");
    try {
      Api.Reply r = api.admin("POST", "api/v1/scenarios/draft", "{\"target\":\"" + down + "\"}");
      assertEquals(502, r.status(), r.toString());
      assertFalse(r.body().contains("hunter2"), r.body());
    } finally {
      api.admin("DELETE", "api/v1/targets/" + down, null);
    }
  }

  @Test
  void theConsolePageShowsFieldErrorsThenPreviewsTheDraft() {
    Browser browser = new Browser();
    try {
      browser.login(Api.ADMIN, api.adminPassword());
      browser.open("draft.xhtml");
      new org.openqa.selenium.support.ui.Select(
              browser.driver.findElement(org.openqa.selenium.By.id("draft:target")))
          .selectByValue(target);
      browser.type("draft:k", "1");
      browser.click("draft:preview");
      org.openqa.selenium.WebElement kError =
          browser.waitFor(
              d -> d.findElement(org.openqa.selenium.By.cssSelector("#draft .field-error")));
      assertTrue(kError.getText().contains("k: must be between 2"), kError.getText());

      browser.type("draft:k", "10");
      browser.click("draft:preview");
      browser.waitFor(d -> d.findElements(org.openqa.selenium.By.id("draft-tables")).size() > 0);
      assertEquals(
          2,
          browser
              .driver
              .findElements(org.openqa.selenium.By.cssSelector("#draft-tables tbody tr"))
              .size());
      assertTrue(browser.text("yaml").contains("rows_per_parent"), browser.text("yaml"));
      assertFalse(browser.text("yaml").contains("@corp.example"));
      browser.screenshot("draft-from-database");
    } finally {
      browser.close();
    }
  }
}
