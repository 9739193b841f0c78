package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The scenario editor in headless Chromium: live problems at their lines, save, viewer limits. */
class ConsoleEditorIT {
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

  private static String document(String id, String generator) {
    return "id: "
        + id
        + "\nname: Editor test\nseed: 1\nentities:\n  - name: things\n    rows: 10\n"
        + "    columns:\n      - name: id\n        type: bigint\n        generator:\n"
        + "          type: "
        + generator
        + "\n          params: {start: 1}\n";
  }

  private void write(String text) {
    WebElement area = browser.driver.findElement(By.id("editor:document"));
    browser.driver.executeScript("arguments[0].value = '';", area);
    area.sendKeys(text);
  }

  @AfterAll
  static void removeSavedScenarios() throws IOException {
    // the server's scenarios directory is the project's: remove what the test saved
    Path root = Path.of(System.getProperty("syngen.it.output.dir", "out")).getParent();
    try (var files = Files.list(root.resolve("scenarios"))) {
      for (Path f :
          files.filter(f -> f.getFileName().toString().startsWith("it-editor-")).toList()) {
        Files.delete(f);
      }
    }
  }

  @Test
  void showsAProblemAtItsLineWhileTypingThenSavesAndListsTheScenario() {
    String id = "it-editor-" + UUID.randomUUID().toString().substring(0, 8);
    browser.login(Api.ADMIN, api.adminPassword());
    browser.open("scenarios.xhtml");
    browser.click("new-scenario");
    browser.waitFor(d -> d.findElements(By.id("editor:document")).size() > 0);
    browser.type("editor:scenario-id", id);
    write(document(id, "no_such_generator"));
    WebElement problem =
        browser.waitFor(
            d ->
                d.findElement(
                    By.xpath("//ul[@id='editor-problems']/li[contains(., 'no_such_generator')]")));
    assertEquals("11", problem.getAttribute("data-line"), problem.getText());
    assertTrue(
        problem.getText().startsWith("Line 11: unknown generator 'no_such_generator'"),
        problem.getText());
    assertTrue(
        browser
            .driver
            .findElement(By.cssSelector("#editor-lines span.bad[data-line='11']"))
            .isDisplayed());
    browser.screenshot("editor-problem-at-line");

    write(document(id, "sequence"));
    browser.waitFor(d -> "Valid.".equals(browser.text("editor-valid")));
    browser.click("editor:save");
    browser.waitFor(d -> d.getCurrentUrl().contains("scenarios.xhtml?id=" + id));
    assertTrue(browser.text("scenarios").contains(id), "the saved scenario is listed");
    assertTrue(browser.driver.getPageSource().contains("Saved scenarios/" + id + ".yaml."));
    browser.screenshot("editor-saved");

    browser.open("audit.xhtml?action=scenario.create&subject=scenario:" + id);
    assertTrue(browser.text("audit").contains("admin"), browser.text("audit"));

    browser.open("scenario-editor.xhtml?copy=" + id);
    assertEquals(
        id + "-copy",
        browser.driver.findElement(By.id("editor:scenario-id")).getAttribute("value"));
    assertTrue(
        browser
            .driver
            .findElement(By.id("editor:document"))
            .getAttribute("value")
            .startsWith("id: " + id + "-copy\n"),
        "the copy carries its own id");
  }

  @Test
  void aViewerReadsAScenarioButCannotSaveIt() {
    browser.login(Api.VIEWER, System.getProperty("syngen.it.viewer.password", "it-viewer-secret"));
    browser.open("scenario-editor.xhtml?id=iot-demo");
    assertTrue(browser.text("viewer-note").contains("only an admin may save"));
    assertTrue(browser.driver.findElements(By.id("editor:save")).isEmpty(), "no Save for a viewer");
    assertEquals(
        "true", browser.driver.findElement(By.id("editor:document")).getAttribute("readonly"));
    assertEquals("Valid.", browser.text("editor-valid"));
    browser.screenshot("editor-viewer");
  }
}
