package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The runs page in headless Chromium: lazy paging, sorting, filters, expansion, bulk cancel. */
class ConsoleRunsIT {
  private static final int RUNS = 27;
  private static final String ROWS = "#runs-form\\:runs tbody.ui-datatable-data > tr[data-ri]";
  private static final String EMPTY = "#runs-form\\:runs tr.ui-datatable-empty-message td";

  private static Api api;
  private static String target;
  private static List<String> ids = new ArrayList<>();
  private Browser browser;

  @BeforeAll
  static void runsOnTheirOwnTarget() {
    api = Api.itServer();
    target = api.createCsvTarget();
    for (int i = 0; i < RUNS; i++) {
      Api.Reply started =
          api.admin(
              "POST",
              "api/v1/runs",
              "{\"scenario_id\":\"iot-demo\",\"target_id\":\"" + target + "\",\"scale\":0.01}");
      assertEquals(202, started.status(), started.toString());
      ids.add(started.json().path("id").asText());
    }
    ids.forEach(api::awaitFinished);
  }

  @BeforeEach
  void open() {
    browser = new Browser();
  }

  @AfterEach
  void close() {
    browser.close();
  }

  private List<WebElement> rows(WebDriver d) {
    return d.findElements(By.cssSelector(ROWS));
  }

  private String firstRunId() {
    return browser.driver.findElement(By.cssSelector(ROWS + " a.run-link")).getText();
  }

  @Test
  void pagesSortsAndFiltersInTheDatabase() {
    browser.login(Api.VIEWER, System.getProperty("syngen.it.viewer.password", "it-viewer-secret"));
    browser.open("runs.xhtml?target=" + target);
    assertEquals(25, rows(browser.driver).size());
    String report = browser.driver.findElement(By.cssSelector(".ui-paginator-current")).getText();
    assertEquals("Page 1 of 2 (" + RUNS + " runs)", report);
    assertTrue(
        browser.driver.findElements(By.cssSelector(ROWS + " .target")).stream()
            .allMatch(e -> e.getText().equals(target)),
        "only the filtered target's runs");
    browser.screenshot("runs-page-1");

    browser.driver.findElement(By.cssSelector(".ui-paginator-next")).click();
    browser.waitFor(d -> rows(d).size() == RUNS - 25);
    browser.screenshot("runs-page-2");

    browser.driver.findElement(By.xpath("//th[.//span[text()='Run']]")).click();
    String smallest = ids.stream().sorted().findFirst().orElseThrow();
    browser.waitFor(d -> rows(d).size() == 25 && smallest.equals(firstRunId()));
    browser.driver.findElement(By.xpath("//th[.//span[text()='Run']]")).click();
    String largest = ids.stream().sorted().reduce((a, b) -> b).orElseThrow();
    browser.waitFor(d -> largest.equals(firstRunId()));

    browser.driver.findElement(By.cssSelector(ROWS + " .ui-row-toggler")).click();
    List<WebElement> entities =
        browser.waitFor(
            d -> {
              List<WebElement> e =
                  d.findElements(
                      By.cssSelector("table.entities[data-run='" + largest + "'] tr[data-entity]"));
              return e.isEmpty() ? null : e;
            });
    assertEquals(3, entities.size(), "iot-demo has three entities");
    browser.screenshot("runs-row-expanded");
    assertTrue(
        browser.driver.findElements(By.id("runs-form:cancel-selected")).isEmpty(),
        "a viewer gets no bulk actions");

    browser.open("runs.xhtml?status=failed&target=" + target);
    assertEquals(
        "No run matches these filters.",
        browser.driver.findElement(By.cssSelector(EMPTY)).getText());
    browser.open("runs.xhtml?from=2000-01-01&to=2000-01-02&target=" + target);
    assertEquals(
        "No run matches these filters.",
        browser.driver.findElement(By.cssSelector(EMPTY)).getText());
  }

  @Test
  void anAdminCancelsSelectedRunsAfterConfirming() {
    Api.Reply started =
        api.admin(
            "POST",
            "api/v1/runs",
            "{\"scenario_id\":\"iot-demo\",\"target_id\":\"" + target + "\",\"scale\":2000}");
    String big = started.json().path("id").asText();
    try {
      browser.login(Api.ADMIN, api.adminPassword());
      browser.open("runs.xhtml?target=" + target);
      WebElement row = browser.driver.findElement(By.cssSelector("tr[data-rk='" + big + "']"));
      row.findElement(By.cssSelector(".ui-chkbox-box")).click();
      browser.click("runs-form:cancel-selected");
      WebElement yes =
          browser.waitFor(
              d -> {
                WebElement b = d.findElement(By.id("runs-form:confirm-yes"));
                return b.isDisplayed() ? b : null;
              });
      browser.screenshot("runs-confirm-cancel");
      yes.click();
      browser.waitFor(
          d ->
              d.findElement(By.id("runs-form:growl_container"))
                  .getText()
                  .contains("Cancelled 1 run(s): " + big));
      browser.screenshot("runs-cancelled");
      assertEquals("cancelled", api.awaitFinished(big).path("status").asText());
    } finally {
      api.admin("POST", "api/v1/runs/" + big + "/cancel", null);
    }
  }
}
