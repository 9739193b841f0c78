package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The admin console in headless Chromium against the server the build started. */
class ConsoleIT {
  private static Api api;
  private Browser browser;

  @BeforeAll
  static void server() {
    api = Api.itServer();
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
  void signsInWithTheFormAndRefusesAWrongPassword() {
    browser.open("index.xhtml");
    assertTrue(
        browser.driver.getCurrentUrl().contains("login.xhtml"), "a stranger is sent to login");
    browser.type("login:user", Api.ADMIN);
    browser.type("login:password", "wrong-password");
    browser.click("login:submit");
    browser.waitFor(d -> d.getPageSource().contains("Wrong user name or password."));
    browser.screenshot("login-refused");

    browser.login(Api.ADMIN, api.adminPassword());
    assertTrue(browser.text("whoami").contains("admin (admin)"));
    browser.waitFor(d -> "live".equals(browser.text("live-state")));
    assertTrue(browser.driver.findElement(By.id("recent-runs")).isDisplayed());
    WebElement csv =
        browser.driver.findElement(
            By.cssSelector("#system dd[data-dependency='target:local-csv']"));
    assertTrue(
        csv.getText().startsWith("UP — csv at "), "the target's readiness: " + csv.getText());
    // the server's own resources beside throughput, drawn from the first live message on
    browser.waitFor(d -> browser.text("res-now").contains(" MiB, GC "));
    assertTrue(
        browser.text("res-now").matches("CPU [0-9.]+ %, heap \\d+ of \\d+ MiB, GC \\d+ ms .*"),
        browser.text("res-now"));
    Object points =
        ((org.openqa.selenium.JavascriptExecutor) browser.driver)
            .executeScript(
                "var c = Chart.getChart('cpu-heap-chart');"
                    + " return c ? c.data.datasets[1].data.length : -1;");
    assertTrue(((Number) points).intValue() > 0, "heap points drawn: " + points);
    browser.screenshot("dashboard");
  }

  @Test
  void previewsAPlanAndShowsFieldErrors() {
    browser.login(Api.ADMIN, api.adminPassword());
    browser.open("new-run.xhtml");
    new Select(browser.driver.findElement(By.id("builder:scenario"))).selectByValue("iot-demo");
    browser.type("builder:seed", "not-a-number");
    browser.click("builder:preview");
    WebElement seedError =
        browser.waitFor(d -> d.findElement(By.cssSelector("#builder .field-error")));
    assertTrue(seedError.getText().contains("seed"), seedError.getText());
    assertTrue(seedError.getText().contains("not a whole number"), seedError.getText());
    browser.screenshot("builder-field-error");

    browser.type("builder:seed", "42");
    browser.type("builder:scale", "0.5");
    browser.click("builder:preview");
    browser.waitFor(d -> d.findElements(By.id("plan-hash")).size() > 0);
    assertTrue(
        browser.driver.findElements(By.cssSelector("#builder .field-error")).stream()
            .allMatch(e -> e.getText().isBlank()),
        "the corrected seed no longer shows its error");
    assertEquals("42", browser.text("plan-seed"));
    assertFalse(browser.text("plan-hash").isBlank());
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("#plan-entities tbody tr"));
    assertEquals(3, rows.size(), "iot-demo plans three entities");
    assertTrue(rows.get(0).getText().startsWith("1 "), rows.get(0).getText());
    browser.screenshot("builder-plan-preview");
  }

  @Test
  void thePlanPreviewShowsTheExpectedEventsPerStateOfALifecycle() {
    browser.login(Api.ADMIN, api.adminPassword());
    browser.open("new-run.xhtml");
    new Select(browser.driver.findElement(By.id("builder:scenario"))).selectByValue("purchases");
    browser.click("builder:preview");
    WebElement table = browser.waitFor(d -> d.findElement(By.cssSelector("table.expected-events")));
    assertEquals("orders", table.getAttribute("data-entity"));
    String caption = table.findElement(By.tagName("caption")).getText();
    assertTrue(caption.startsWith("Expected events per state of orders ("), caption);
    List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
    assertEquals(7, rows.size(), "one row per state of the order lifecycle");
    String[] placed = rows.get(0).getText().split(" ");
    assertEquals("placed", placed[0]);
    long instances = Long.parseLong(caption.replaceAll("^[^(]*\\((\\d+) instances.*$", "$1"));
    assertEquals(instances, Long.parseLong(placed[1]), "every order enters placed");
    assertTrue(
        rows.stream().anyMatch(r -> r.getText().startsWith("delivered (terminal) ")),
        table.getText());
    browser.screenshot("builder-expected-events");
  }

  @Test
  void startsARunAndWatchesItsProgressReach100WithoutReloading() {
    String target = api.createCsvTarget();
    browser.login(Api.ADMIN, api.adminPassword());
    browser.open("new-run.xhtml");
    new Select(browser.driver.findElement(By.id("builder:scenario"))).selectByValue("iot-demo");
    new Select(browser.driver.findElement(By.id("builder:target"))).selectByValue(target);
    browser.type("builder:scale", "25");
    browser.click("builder:start");
    browser.waitFor(d -> d.findElements(By.id("run-progress")).size() > 0);
    browser.driver.executeScript("window.syngenSamePage = true;");
    List<Integer> seen = new ArrayList<>();
    browser.waitFor(
        Duration.ofSeconds(120),
        d -> {
          int v = Integer.parseInt(d.findElement(By.id("run-progress")).getAttribute("value"));
          if (seen.isEmpty() || seen.get(seen.size() - 1) != v) {
            seen.add(v);
          }
          if (v > 0 && v < 100 && seen.size() == 2) {
            browser.screenshot("run-progress-moving");
          }
          return v == 100 && "success".equals(browser.text("run-status"));
        });
    assertEquals(
        Boolean.TRUE,
        browser.driver.executeScript("return window.syngenSamePage === true;"),
        "the page was not reloaded");
    assertTrue(seen.stream().anyMatch(v -> v > 0 && v < 100), "the bar moved through " + seen);
    browser.waitFor(d -> !browser.text("run-finished").isBlank());
    String runId = browser.text("run-id");
    browser.waitFor(
        d ->
            d.findElement(By.id("run-growl_container"))
                .getText()
                .contains("Run " + runId + " finished"));
    assertTrue(
        browser.driver.findElements(By.id("actions:cancel")).isEmpty(),
        "a finished run offers no Cancel");
    assertTrue(browser.driver.findElement(By.id("actions:rerun")).isDisplayed());
    browser.screenshot("run-finished");
    assertLiveEntityTableMatchesTheApi();

    browser.driver.navigate().refresh();
    List<WebElement> preview =
        browser.driver.findElements(
            By.cssSelector("#preview table[data-entity='devices'] tbody tr"));
    assertEquals(5, preview.size(), "the data preview shows the first five devices");
    browser.driver.executeScript("document.getElementById('preview').scrollIntoView();");
    browser.screenshot("run-data-preview");
  }

  /** Without a reload, each entity's duration and rate are what GET /runs/{id} says. */
  private void assertLiveEntityTableMatchesTheApi() {
    String url = browser.driver.getCurrentUrl();
    String runId = url.replaceAll(".*[?&]id=([^&#]+).*", "$1");
    JsonNode run = api.viewer("GET", "api/v1/runs/" + runId, null).json();
    assertTrue(run.path("entities").size() > 0, url + " " + run);
    for (JsonNode e : run.path("entities")) {
      String row = "#entities tr[data-entity='" + e.path("entity").asText() + "'] ";
      String duration = e.path("duration_ms").asText();
      browser.waitFor(
          d -> duration.equals(d.findElement(By.cssSelector(row + ".duration")).getText()));
      if (!e.path("rows_per_second").isNull()) {
        assertFalse(
            browser.driver.findElement(By.cssSelector(row + ".rate")).getText().isBlank(),
            row + "has no rate while the API says " + e);
      }
    }
  }

  @Test
  void checksTheFidelityOfAFinishedRun() {
    String target = api.createCsvTarget();
    Api.Reply started =
        api.admin(
            "POST",
            "api/v1/runs",
            "{\"scenario_id\":\"iot-demo\",\"target_id\":\"" + target + "\",\"scale\":0.1}");
    String id = api.awaitFinished(started.json().path("id").asText()).path("id").asText();
    browser.login(Api.ADMIN, api.adminPassword());
    browser.open("run.xhtml?id=" + id);
    assertEquals("This run's data has not been checked yet.", browser.text("fidelity-none"));
    browser.click("fidelity-form:check");
    browser.waitFor(
        Duration.ofSeconds(60), d -> d.findElements(By.id("fidelity-verdict")).size() > 0);
    assertEquals("GO", browser.text("fidelity-verdict"));
    assertFalse(
        browser.driver.findElements(By.cssSelector("#fidelity-checks tbody tr")).isEmpty(),
        "every check is listed");
    browser.driver.executeScript("document.getElementById('fidelity').scrollIntoView();");
    browser.screenshot("run-fidelity");
  }

  @Test
  void theBuilderTakesABandAndTrafficAndShowsTrafficErrorsAtTheirFields() {
    String target = api.createCsvTarget();
    browser.login(Api.ADMIN, api.adminPassword());
    browser.open("new-run.xhtml");
    new Select(browser.driver.findElement(By.id("builder:scenario"))).selectByValue("chat");
    new Select(browser.driver.findElement(By.id("builder:band"))).selectByValue("staging");
    browser.click("builder:preview");
    browser.waitFor(d -> d.findElements(By.id("plan-total")).size() > 0);
    assertTrue(
        browser.driver.findElement(By.id("plan-entities")).getText().contains("users users 150000"),
        browser.driver.findElement(By.id("plan-entities")).getText());

    Select targets = new Select(browser.driver.findElement(By.id("builder:target")));
    targets.selectByValue(target);
    assertFalse(
        browser.driver.findElement(By.id("traffic-fields")).isDisplayed(),
        "no traffic fields for a CSV target");
    targets.selectByValue("local-kafka");
    assertTrue(browser.driver.findElement(By.id("traffic-fields")).isDisplayed());
    browser.type("builder:rate", "fast");
    browser.type("builder:duration", "soon");
    browser.click("builder:preview");
    // the message element is on the page before the postback too: wait for its new text
    browser.waitFor(
        d ->
            d.findElement(By.id("builder:rate-message"))
                .getText()
                .contains("rate 'fast' is not understood"));
    assertTrue(
        browser.driver.getPageSource().contains("duration 'soon' is not understood"),
        "every traffic problem is shown");
    assertTrue(
        browser.driver.findElement(By.id("traffic-fields")).isDisplayed(),
        "fields with errors stay visible");
    browser.screenshot("builder-traffic-errors");
  }

  @Test
  void showsAFailedRunsPromptAndFollowsIt() {
    String target = "it-down-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Reply created =
        api.admin(
            "POST",
            "api/v1/targets",
            "{\"id\":\""
                + target
                + "\",\"kind\":\"postgres\",\"dsn\":\"postgres://postgres@127.0.0.1:1/test\"}");
    assertEquals(201, created.status(), created.toString());
    Api.Reply started =
        api.admin(
            "POST",
            "api/v1/runs",
            "{\"scenario_id\":\"iot-demo\",\"target_id\":\"" + target + "\",\"scale\":0.01}");
    assertEquals(202, started.status(), started.toString());
    String run = started.json().get("id").asText();
    assertEquals("failed", api.awaitFinished(run).get("status").asText());

    browser.login(Api.ADMIN, api.adminPassword());
    browser.open("index.xhtml");
    WebElement prompt =
        browser.driver.findElement(
            By.xpath(
                "//li[contains(@class,'prompt')][.//strong[text()='Run " + run + " failed']]"));
    assertTrue(prompt.getText().contains("could not"), prompt.getText());
    browser.screenshot("failed-run-prompt");
    prompt.findElement(By.cssSelector("a.action")).click();
    browser.waitFor(d -> d.findElements(By.id("pending-test:run")).size() > 0);
    assertTrue(
        browser.driver.findElements(By.id("test-result")).isEmpty(),
        "following a link (a GET) does not run the test");
    browser.click("pending-test:run");
    browser.waitFor(d -> d.findElements(By.id("test-result")).size() > 0);
    assertTrue(browser.text("test-result").contains("NOT reachable"), browser.text("test-result"));
    browser.screenshot("failed-run-prompt-followed");

    browser.open("run.xhtml?id=" + run);
    assertTrue(browser.text("error-cause").contains("could not"), browser.text("error-cause"));
    assertTrue(browser.text("error-fix").startsWith("Likely fix:"));
  }

  @Test
  void createsAndTestsATargetAndSeesTheAuditEntry() {
    String id = "it-console-" + UUID.randomUUID().toString().substring(0, 8);
    browser.login(Api.ADMIN, api.adminPassword());
    browser.open("targets.xhtml");
    browser.type("target:id", id);
    browser.type("target:name", "Console test target");
    new Select(browser.driver.findElement(By.id("target:kind"))).selectByValue("csv");
    browser.waitFor(
        d -> "csv".equals(d.findElement(By.id("target:kind-fields")).getAttribute("data-kind")));
    browser.type("target:dsn", "out/it/" + id);
    browser.click("target:save");
    WebElement row =
        browser.waitFor(d -> d.findElement(By.cssSelector("tr[data-target='" + id + "']")));
    assertTrue(row.getText().contains("csv"), row.getText());
    row.findElement(By.cssSelector("input.test")).click();
    browser.waitFor(d -> d.findElements(By.id("test-result")).size() > 0);
    assertTrue(browser.text("test-result").contains("reachable"), browser.text("test-result"));
    assertFalse(browser.text("test-result").contains("NOT"), browser.text("test-result"));
    browser.screenshot("target-tested");

    browser.open("audit.xhtml?action=target.create&subject=" + id);
    String audit = browser.text("audit");
    assertTrue(audit.contains("target:" + id), audit);
    assertTrue(audit.contains("admin"), audit);
    browser.screenshot("audit-entry");
  }

  @Test
  void unknownPagesAndExpiredFormsGetConsolePagesNotTheContainers() {
    browser.login(Api.ADMIN, api.adminPassword());
    browser.open("no-such-page.xhtml");
    assertEquals("Not Found", browser.text("error-title"));
    assertTrue(browser.text("error-detail").contains("/console/no-such-page.xhtml"));
    browser.screenshot("error-not-found");

    browser.open("new-run.xhtml");
    setViewState("not base64!");
    browser.click("builder:preview");
    browser.waitFor(d -> d.findElements(By.id("error-title")).size() > 0);
    assertEquals("Internal Server Error", browser.text("error-title"));
    assertTrue(browser.text("error-detail").matches(".*incident [0-9a-f]{12} .*"));
    assertFalse(browser.driver.getPageSource().contains("Exception"), "no stack trace");
    browser.screenshot("error-internal");

    browser.open("new-run.xhtml");
    setViewState("YmZiMzYyMTljZmRjZTE5ZDAwMDAwMDk5");
    browser.driver.executeScript("window.syngenOldPage = true;");
    browser.click("builder:preview");
    browser.waitFor(
        d ->
            !Boolean.TRUE.equals(browser.driver.executeScript("return window.syngenOldPage;"))
                && d.findElements(By.id("builder:scenario")).size() > 0);
    assertTrue(browser.driver.getCurrentUrl().endsWith("/console/new-run.xhtml"));
    assertTrue(
        browser.driver.findElements(By.id("error-title")).isEmpty(),
        "the expired form opened the builder again, not an error page");
  }

  /** Replaces the page's view state, as a form left open across a server restart would hold. */
  private void setViewState(String value) {
    browser.driver.executeScript(
        "var v = arguments[0];"
            + "document.querySelectorAll('input[name=\"jakarta.faces.ViewState\"]')"
            + ".forEach(function (e) { e.value = v; });",
        value);
  }

  @Test
  void aViewerCannotStartARun() {
    browser.login(Api.VIEWER, System.getProperty("syngen.it.viewer.password", "it-viewer-secret"));
    assertTrue(browser.text("whoami").contains("(viewer)"));
    browser.open("new-run.xhtml");
    assertTrue(browser.text("viewer-note").contains("only an admin may start a run"));
    assertTrue(browser.driver.findElements(By.id("builder:start")).isEmpty());
    new Select(browser.driver.findElement(By.id("builder:scenario"))).selectByValue("iot-demo");
    browser.click("builder:preview");
    browser.waitFor(d -> d.findElements(By.id("plan-hash")).size() > 0);
    browser.screenshot("viewer-builder");
  }
}
