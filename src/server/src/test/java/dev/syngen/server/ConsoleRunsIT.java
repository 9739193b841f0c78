package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  /** 51 pages of 25 (the runs page's page size): the last page is past page 50. */
  private static final int MANY = 1_260;

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

  /**
   * The runs table pages in the database, not in the browser: with 1,260 runs on one target the
   * last page (51) and the one before it show the oldest runs, in the list's order, without the
   * page ever holding more than a page of rows.
   */
  @Test
  void pagesPastPageFiftyInTheDatabase() throws Exception {
    String many = api.createCsvTarget();
    List<String> made = startTinyRuns(many, MANY);
    made.forEach(api::awaitFinished);

    browser.login(Api.VIEWER, System.getProperty("syngen.it.viewer.password", "it-viewer-secret"));
    browser.open("runs.xhtml?target=" + many);
    // the total as PrimeFaces writes it, with or without a thousands separator
    assertTrue(report().matches("Page 1 of 51 \\(1,?260 runs\\)"), report());
    assertEquals(25, rows(browser.driver).size());

    browser.driver.findElement(By.cssSelector(".ui-paginator-last")).click();
    // the last page holds the remainder
    browser.waitFor(d -> report().startsWith("Page 51 of 51") && rows(d).size() == MANY - 50 * 25);
    List<String> last = shownIds();
    browser.screenshot("runs-page-51");

    browser.driver.findElement(By.cssSelector(".ui-paginator-prev")).click();
    browser.waitFor(d -> report().startsWith("Page 50 of 51") && rows(d).size() == 25);
    List<String> fiftieth = shownIds();

    Set<String> shown = new HashSet<>(last);
    shown.addAll(fiftieth);
    assertEquals(last.size() + fiftieth.size(), shown.size(), "no run on two pages");
    assertTrue(made.containsAll(shown), "only the filtered target's runs: " + shown);
    // newest first: every run on page 51 was created no later than every run on page 50
    Instant newestOnLast = last.stream().map(this::createdAt).max(Instant::compareTo).orElseThrow();
    Instant oldestOnFiftieth =
        fiftieth.stream().map(this::createdAt).min(Instant::compareTo).orElseThrow();
    assertTrue(
        !newestOnLast.isAfter(oldestOnFiftieth),
        "page 51 ends at " + newestOnLast + ", page 50 starts at " + oldestOnFiftieth);
  }

  private String report() {
    return browser.driver.findElement(By.cssSelector(".ui-paginator-current")).getText();
  }

  private List<String> shownIds() {
    return browser.driver.findElements(By.cssSelector(ROWS + " a.run-link")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private Instant createdAt(String id) {
    return Instant.parse(
        api.viewer("GET", "api/v1/runs/" + id, null).json().path("created_at").asText());
  }

  /**
   * Starts {@code count} one-row-per-entity runs on {@code target}, four requests at a time; a 503
   * (the run queue is full) is asked again shortly, as its Retry-After says.
   */
  private static List<String> startTinyRuns(String target, int count) throws Exception {
    String body =
        "{\"scenario_id\":\"iot-demo\",\"target_id\":\""
            + target
            + "\",\"entity_counts\":{\"sites\":1,\"devices\":1,\"telemetry\":1}}";
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> started = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        started.add(
            pool.submit(
                () -> {
                  long deadline = System.nanoTime() + 120_000_000_000L;
                  while (true) {
                    Api.Reply r = api.admin("POST", "api/v1/runs", body);
                    if (r.status() == 202) {
                      ids.add(r.json().path("id").asText());
                      return null;
                    }
                    assertEquals(503, r.status(), r.toString());
                    assertTrue(System.nanoTime() < deadline, "the run queue stayed full: " + r);
                    Api.sleep(200);
                  }
                }));
      }
      for (Future<?> f : started) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return ids;
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
