package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The targets page in headless Chromium: a form per kind, secrets that never come back, problems at
 * their fields, and the test's capability panel; screenshots in light and dark theme.
 */
class ConsoleTargetsIT {
  private static Api api;
  private static String axe;
  private Browser browser;

  @BeforeAll
  static void server() throws java.io.IOException {
    api = Api.itServer();
    axe = ConsoleAccessibilityIT.axe();
  }

  @BeforeEach
  void open() {
    browser = new Browser();
  }

  @AfterEach
  void close() {
    browser.close();
  }

  @Test
  void aPasswordIsWriteOnlyAndAnEditThatLeavesItEmptyKeepsIt() {
    String id = "it-pg-" + UUID.randomUUID().toString().substring(0, 8);
    String secret = "Zq7-" + UUID.randomUUID();
    browser.login(Api.ADMIN, api.adminPassword());
    browser.open("targets.xhtml");
    choose("target:kind", "mariadb");
    choose("target:kind", "postgres");
    browser.type("target:id", id);
    browser.type("target:name", "Console postgres");
    browser.type("target:dsn", "postgres://postgres@127.0.0.1:5432/test?sslmode=disable");
    browser.type("target:password", secret);
    browser.type("target:schema", "syngen_it");
    browser.click("target:save");
    WebElement row = row(id);
    assertTrue(row.getText().contains("postgres:***@127.0.0.1"), row.getText());
    assertNoSecret(secret, "after create");
    JsonNode shown = api.admin("GET", "api/v1/targets/" + id, null).json();
    assertEquals(
        "postgres://postgres:***@127.0.0.1:5432/test?sslmode=disable", shown.path("dsn").asText());

    row.findElement(By.cssSelector("input.edit")).click();
    browser.waitFor(d -> d.findElement(By.id("form-h")).getText().contains("Edit target"));
    assertNoSecret(secret, "in the edit form");
    assertEquals(
        "postgres://postgres@127.0.0.1:5432/test?sslmode=disable",
        browser.driver.findElement(By.id("target:dsn")).getAttribute("value"));
    assertEquals("", browser.driver.findElement(By.id("target:password")).getAttribute("value"));
    assertTrue(
        browser
            .driver
            .findElement(By.id("target:password"))
            .getAttribute("placeholder")
            .contains("stored"));
    browser.type("target:name", "Console postgres, renamed");
    themes("targets-edit");
    browser.click("target:save");
    browser.waitFor(d -> row(id).getText().contains("renamed"));
    assertNoSecret(secret, "after the edit");
    shown = api.admin("GET", "api/v1/targets/" + id, null).json();
    assertEquals(
        "postgres://postgres:***@127.0.0.1:5432/test?sslmode=disable",
        shown.path("dsn").asText(),
        "the stored password was kept");
    assertFalse(api.admin("GET", "api/v1/targets/" + id, null).body().contains(secret));

    row(id).findElement(By.cssSelector("input.test")).click();
    browser.waitFor(d -> d.findElements(By.id("test-result")).size() > 0);
    assertTrue(browser.text("test-result").contains("reachable"), browser.text("test-result"));
    assertEquals("yes", browser.text("test-reachable"));
    assertTrue(browser.text("test-latency").endsWith(" ms"), browser.text("test-latency"));
    String supports = browser.text("test-capabilities");
    assertTrue(supports.contains("✓ creating tables"), supports);
    assertTrue(supports.contains("✓ writing rows"), supports);
    assertNoSecret(secret, "with the test result");
    themes("targets-test-result");

    JsonNode audit = api.admin("GET", "api/v1/audit?subject=target:" + id, null).json();
    assertTrue(audit.toString().contains("target.update"), audit.toString());
    assertFalse(audit.toString().contains(secret), "the audit log holds no secret");
    api.admin("DELETE", "api/v1/targets/" + id, null);
  }

  @Test
  void eachKindShowsItsOwnFieldsAndProblemsStandAtTheirFieldWithTheFix() {
    String id = "it-kafka-" + UUID.randomUUID().toString().substring(0, 8);
    browser.login(Api.ADMIN, api.adminPassword());
    browser.open("targets.xhtml");
    choose("target:kind", "kafka");
    assertTrue(browser.driver.findElements(By.id("target:password")).isEmpty(), "no DSN password");
    assertTrue(browser.driver.findElements(By.id("target:schema")).isEmpty(), "no schema");
    assertFalse(
        browser.driver.findElements(By.cssSelector("select[data-option='acks']")).isEmpty());
    browser.type("target:id", id);
    browser.type("target:dsn", "kafka://127.0.0.1:9092");
    new Select(browser.driver.findElement(By.cssSelector("select[data-option='acks']")))
        .selectByValue("1");
    WebElement linger =
        browser.driver.findElement(By.cssSelector("input[data-option='linger_ms']"));
    linger.clear();
    linger.sendKeys("soon");
    browser.click("target:save");
    browser.waitFor(d -> !d.findElement(By.id("err-opt_acks")).getText().isEmpty());
    String acks = browser.text("err-opt_acks");
    assertTrue(acks.startsWith("options.acks: "), acks);
    assertTrue(acks.contains("idempotent producer needs acks=all"), acks);
    assertTrue(acks.contains("set acks: all or idempotence: false"), acks);
    String lingerError = browser.text("err-opt_linger_ms");
    assertTrue(lingerError.contains("'soon' is not a whole number"), lingerError);
    assertEquals(
        "true",
        browser
            .driver
            .findElement(By.cssSelector("input[data-option='linger_ms']"))
            .getAttribute("aria-invalid"));
    assertEquals("", browser.text("err-dsn"), "the DSN is fine");
    assertTrue(row404(id), "nothing was saved");
    themes("targets-field-errors");

    choose("target:kind", "sqlite");
    assertTrue(
        browser.driver.findElements(By.cssSelector("[data-option]")).isEmpty(),
        "sqlite takes no options");
  }

  @Test
  void deleteRemovesItsRowsTargetAfterAnotherAdminChangedTheList() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String before = "it-del-" + suffix + "-a"; // right before the one deleted, in the list's order
    String doomed = "it-del-" + suffix + "-b";
    String early = "aa-early-" + suffix; // first in the list: every later row moves down one place
    createTarget(before);
    createTarget(doomed);
    try {
      browser.login(Api.ADMIN, api.adminPassword());
      browser.open("targets.xhtml");
      WebElement row = row(doomed);
      createTarget(early); // as another admin would, after this page was shown

      row.findElement(By.cssSelector(".delete")).click();
      browser.confirm("list");
      String message = browser.messageContaining(doomed);
      assertTrue(message.contains("Deleted target " + doomed), message);
      assertTrue(row404(doomed), "the target of the clicked row is deleted");
      assertFalse(row404(before), "the target now at the clicked row's old position is kept");
      assertFalse(row404(early));
      assertTrue(
          browser.driver.findElements(By.cssSelector("tr[data-target='" + doomed + "']")).isEmpty(),
          "the page shows the list after the deletion");
      row(early);
    } finally {
      for (String id : List.of(before, doomed, early)) {
        api.admin("DELETE", "api/v1/targets/" + id, null);
      }
    }
  }

  @Test
  void deleteOnTheLastRowWorksAfterAnotherAdminShortenedTheList() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String gone = "zz-shrink-" + suffix + "-a"; // deleted by another admin after the page loaded
    String last = "zz-shrink-" + suffix + "-b"; // the last row: no row at its place once read again
    createTarget(gone);
    createTarget(last);
    try {
      browser.login(Api.ADMIN, api.adminPassword());
      browser.open("targets.xhtml");
      List<WebElement> rows = browser.driver.findElements(By.cssSelector("tr[data-target]"));
      assertEquals(last, rows.get(rows.size() - 1).getAttribute("data-target"), "the last row");
      WebElement row = row(last);
      assertEquals(204, api.admin("DELETE", "api/v1/targets/" + gone, null).status());

      row.findElement(By.cssSelector(".delete")).click();
      browser.confirm("list");
      String message = browser.messageContaining(last);
      assertTrue(message.contains("Deleted target " + last), message);
      assertTrue(row404(last), "the target of the clicked row is deleted");
      assertTrue(
          browser
              .driver
              .findElements(By.cssSelector("tr[data-target^='zz-shrink-" + suffix + "']"))
              .isEmpty(),
          "the page shows the list as it is now");
    } finally {
      for (String id : List.of(gone, last)) {
        api.admin("DELETE", "api/v1/targets/" + id, null);
      }
    }
  }

  private void createTarget(String id) {
    Api.Reply created =
        api.admin(
            "POST",
            "api/v1/targets",
            "{\"id\":\""
                + id
                + "\",\"kind\":\"postgres\",\"dsn\":\"postgres://postgres@127.0.0.1:5432/test\"}");
    assertEquals(201, created.status(), created.toString());
  }

  @Test
  void aViewerSeesTheListReadOnly() {
    browser.login(Api.VIEWER, System.getProperty("syngen.it.viewer.password", "it-viewer-secret"));
    browser.open("targets.xhtml");
    assertFalse(browser.driver.findElements(By.cssSelector("tr[data-target]")).isEmpty());
    assertTrue(browser.driver.findElements(By.id("target:save")).isEmpty());
    assertTrue(browser.driver.findElements(By.cssSelector("input.test, input.edit")).isEmpty());
    assertTrue(browser.text("read-only").contains("read-only"));
    browser.screenshot("targets-viewer");
  }

  private boolean row404(String id) {
    return api.admin("GET", "api/v1/targets/" + id, null).status() == 404;
  }

  private WebElement row(String id) {
    return browser.waitFor(d -> d.findElement(By.cssSelector("tr[data-target='" + id + "']")));
  }

  /** Picks a kind and waits for its form to replace the previous one. */
  private void choose(String selectId, String kind) {
    new Select(browser.driver.findElement(By.id(selectId))).selectByValue(kind);
    browser.waitFor(
        d -> kind.equals(d.findElement(By.id("target:kind-fields")).getAttribute("data-kind")));
  }

  private void assertNoSecret(String secret, String when) {
    assertFalse(
        browser.driver.getPageSource().contains(secret), "the password is in the page " + when);
  }

  /** Screenshots of the page as it is, in light and in dark theme, each axe-clean. */
  private void themes(String name) {
    for (String theme : List.of("light", "dark")) {
      browser.driver.executeScript(
          "localStorage.setItem('syngen.theme', arguments[0]);"
              + " document.documentElement.setAttribute('data-theme', arguments[0]);",
          theme);
      browser.screenshot(name + "-" + theme);
      assertEquals(
          List.of(), ConsoleAccessibilityIT.seriousViolations(browser, axe, name + " " + theme));
    }
    browser.driver.executeScript(
        "localStorage.setItem('syngen.theme', 'light');"
            + " document.documentElement.setAttribute('data-theme', 'light');");
  }
}
