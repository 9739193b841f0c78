package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The profile page in headless Chromium: opened from a finished run, it profiles one of the run's
 * tables and shows the clusters k-means and hierarchical clustering find (sizes that add up,
 * silhouettes within −1 … 1, centres per feature, the separating columns) beside each column's
 * profile, in light and dark theme; bad input is named by field; a viewer cannot profile.
 */
class ConsoleProfileIT {
  private static Api api;
  private static String run;
  private Browser browser;

  @BeforeAll
  static void aFinishedRun() {
    api = Api.itServer();
    Api.Reply started =
        api.admin(
            "POST",
            "api/v1/runs",
            "{\"scenario_id\":\"iot-demo\",\"target_id\":\""
                + api.createCsvTarget()
                + "\",\"scale\":0.01,\"seed\":7}");
    assertEquals(202, started.status(), started.toString());
    run = started.json().path("id").asText();
    assertEquals("success", api.awaitFinished(run).path("status").asText());
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
  void aRunsTableIsProfiledAndClusteredByEachMethodInBothThemes() {
    browser.login(Api.ADMIN, api.adminPassword());
    browser.open("profile.xhtml?run=" + run);
    assertTrue(browser.text("profile-run").contains(run));
    new Select(browser.driver.findElement(By.id("profile:table-choice")))
        .selectByValue("telemetry");
    for (String method : List.of("kmeans", "hierarchical")) {
      new Select(browser.driver.findElement(By.id("profile:method"))).selectByValue(method);
      browser.type("profile:clusters", "3");
      browser.click("profile:run-profile");
      browser.waitFor(d -> method.equals(text(d.findElements(By.id("cluster-method")))));

      List<WebElement> clusters = browser.driver.findElements(By.cssSelector("#clusters tbody tr"));
      assertTrue(clusters.size() >= 2 && clusters.size() <= 3, method + ": " + clusters.size());
      double shares = 0;
      int features = browser.driver.findElements(By.cssSelector("#clusters thead th")).size() - 3;
      assertTrue(features >= 2, "value and the categories' one-hot columns");
      for (WebElement c : clusters) {
        List<WebElement> cells = c.findElements(By.tagName("td"));
        shares += Double.parseDouble(cells.get(1).getText().replace("%", ""));
        double silhouette = Double.parseDouble(cells.get(2).getText());
        assertTrue(silhouette >= -1 && silhouette <= 1, c.getText());
        assertEquals(3 + features, cells.size(), "a centre value per feature: " + c.getText());
      }
      assertEquals(100, shares, 0.5, method + ": the clusters' sizes cover the clustered rows");
      double overall = Double.parseDouble(browser.text("silhouette"));
      assertTrue(overall > -1 && overall <= 1, "silhouette " + overall);
      assertTrue(browser.text("pattern").contains("differ most in"), browser.text("pattern"));
      assertFalse(
          browser.driver.findElements(By.cssSelector("#separating tbody tr")).isEmpty(),
          "the columns that separate the clusters");
      String columns = browser.text("columns");
      assertTrue(columns.contains("metric") && columns.contains("category"), columns);
      assertTrue(columns.contains("value") && columns.contains("median"), columns);
      assertTrue(browser.text("columns-h").contains("1000 of 1000 rows sampled"));
    }
    for (String theme : List.of("light", "dark")) {
      browser.driver.executeScript(
          "localStorage.setItem('syngen.theme', arguments[0]);"
              + " document.documentElement.setAttribute('data-theme', arguments[0]);"
              + " document.getElementById('clusters-h').scrollIntoView();",
          theme);
      browser.screenshot("profile-clusters-" + theme);
    }
    assertTrue(
        browser.consoleMessages().stream().noneMatch(m -> m.contains("Content Security Policy")),
        "nothing blocked by the CSP");
  }

  @Test
  void badInputIsNamedByFieldAndNothingIsProfiled() {
    browser.login(Api.ADMIN, api.adminPassword());
    browser.open("profile.xhtml");
    browser.type("profile:table", "telemetry; drop table x");
    browser.type("profile:sample", "50");
    browser.click("profile:run-profile");
    browser.waitFor(d -> !d.findElements(By.cssSelector(".field-error")).isEmpty());
    String errors = browser.text("profile");
    assertTrue(errors.contains("target: is missing"), errors);
    assertTrue(errors.contains("not a plain table name"), errors);
    assertTrue(errors.contains("sample: must be between 100 and 20000 rows"), errors);
    assertTrue(browser.driver.findElements(By.id("clusters-h")).isEmpty(), "nothing profiled");
  }

  @Test
  void aViewerSeesThePageButCannotProfile() {
    browser.login(Api.VIEWER, System.getProperty("syngen.it.viewer.password", "it-viewer-secret"));
    browser.open("profile.xhtml?run=" + run);
    assertTrue(browser.driver.findElements(By.id("profile:run-profile")).isEmpty());
    assertTrue(browser.text("profile-admin-only").contains("needs an admin"));
    assertEquals(
        "page", browser.driver.findElement(By.id("nav-profile")).getAttribute("aria-current"));
  }

  private static String text(List<WebElement> found) {
    return found.isEmpty() ? "" : found.get(0).getText();
  }
}
