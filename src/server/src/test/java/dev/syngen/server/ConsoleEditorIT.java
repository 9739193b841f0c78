package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The scenario editor (CodeMirror) in headless Chromium: a problem marked at its line while typing
 * and gone once fixed, generator completion, the live diagram and plan, save with its audit entry,
 * duplicate, upload (an invalid file saves nothing), a viewer's read-only editor; and {@code GET
 * /api/v1/generators}, which feeds the completion.
 */
class ConsoleEditorIT {
  private static Api api;
  private static Path scenarios;
  private Browser browser;

  @BeforeAll
  static void server() {
    api = Api.itServer();
    // the server's scenarios directory is the project's
    scenarios =
        Path.of(System.getProperty("syngen.it.output.dir", "out")).getParent().resolve("scenarios");
  }

  @BeforeEach
  void open() {
    browser = new Browser();
  }

  @AfterEach
  void close() {
    browser.close();
  }

  @AfterAll
  static void removeSavedScenarios() throws IOException {
    try (var files = Files.list(scenarios)) {
      for (Path f :
          files.filter(f -> f.getFileName().toString().startsWith("it-editor-")).toList()) {
        Files.delete(f);
      }
    }
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

  private static String newId() {
    return "it-editor-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private Object editor(String script, Object... args) {
    return browser.driver.executeScript(
        "var cm = document.querySelector('.CodeMirror').CodeMirror; " + script, args);
  }

  private WebElement input() {
    return browser.driver.findElement(By.cssSelector(".CodeMirror textarea"));
  }

  private long problemMarks() {
    return browser.driver.findElements(By.cssSelector(".CodeMirror-code .cm-problem")).size();
  }

  private void theme(String theme) {
    browser.driver.executeScript(
        "localStorage.setItem('syngen.theme', arguments[0]);"
            + " document.documentElement.setAttribute('data-theme', arguments[0]);",
        theme);
  }

  @Test
  void marksATypedUnknownGeneratorAtItsLineCompletesItSavesAndDuplicates() {
    String id = newId();
    browser.login(Api.ADMIN, api.adminPassword());
    browser.open("scenarios.xhtml");
    browser.click("new-scenario");
    browser.waitFor(d -> d.findElements(By.cssSelector(".CodeMirror")).size() > 0);
    browser.type("editor:scenario-id", id);
    editor("cm.setValue(arguments[0]);", document(id, "sequence"));
    browser.waitFor(d -> browser.text("editor-diagram").contains("things"));
    assertTrue(browser.text("plan-entities").contains("things"), "the plan follows the text");

    // type the unknown generator's name over 'sequence' at line 11, as a user would
    editor("cm.focus(); cm.setCursor({line: 10, ch: cm.getLine(10).length});");
    input().sendKeys(Keys.BACK_SPACE.toString().repeat(8) + "no_such_generator");
    WebElement problem =
        browser.waitFor(
            Duration.ofSeconds(10),
            d ->
                d.findElement(
                    By.xpath("//ul[@id='editor-problems']/li[contains(., 'no_such_generator')]")));
    assertEquals("11", problem.getAttribute("data-line"), problem.getText());
    assertTrue(
        problem.getText().startsWith("Line 11: unknown generator 'no_such_generator'"),
        problem.getText());
    browser.waitFor(Duration.ofSeconds(10), d -> problemMarks() > 0);
    // CodeMirror puts the mark's class on each token of the range: together they are the line
    List<WebElement> marked =
        browser.driver.findElements(By.cssSelector(".CodeMirror-code .cm-problem"));
    String text = String.join("", marked.stream().map(WebElement::getText).toList());
    assertEquals("type: no_such_generator", text.replaceAll("\\s+", " ").trim());
    assertTrue(
        marked.get(0).getAttribute("title").contains("unknown generator"),
        marked.get(0).getAttribute("title"));
    assertEquals(
        1, browser.driver.findElements(By.cssSelector(".CodeMirror .cm-problem-marker")).size());
    browser.screenshot("editor-problem-at-line-light");
    theme("dark");
    browser.screenshot("editor-problem-at-line-dark");
    theme("light");

    // completion offers generator names; picking one fixes the line and the marker goes
    input().sendKeys(Keys.BACK_SPACE.toString().repeat(17) + "seq");
    input().sendKeys(Keys.chord(Keys.CONTROL, Keys.SPACE));
    WebElement hint =
        browser.waitFor(
            d ->
                d.findElement(
                    By.xpath("//ul[contains(@class,'CodeMirror-hints')]/li[.='sequence']")));
    assertTrue(hint.isDisplayed());
    browser.screenshot("editor-completion");
    input().sendKeys(Keys.ENTER);
    assertEquals("          type: sequence", editor("return cm.getLine(10);"));
    browser.waitFor(Duration.ofSeconds(10), d -> "Valid.".equals(browser.text("editor-valid")));
    browser.waitFor(Duration.ofSeconds(10), d -> problemMarks() == 0);
    assertTrue(browser.driver.findElements(By.cssSelector(".cm-problem-marker")).isEmpty());

    // inside params, completion offers that generator's parameters
    editor("cm.focus(); cm.setCursor({line: 11, ch: cm.getLine(11).length - 1});");
    input().sendKeys(", st");
    input().sendKeys(Keys.chord(Keys.CONTROL, Keys.SPACE));
    browser.waitFor(
        d -> d.findElement(By.xpath("//ul[contains(@class,'CodeMirror-hints')]/li[.='step']")));
    input().sendKeys(Keys.DOWN, Keys.ENTER);
    input().sendKeys("2");
    assertEquals("          params: {start: 1, step: 2}", editor("return cm.getLine(11);"));
    browser.waitFor(Duration.ofSeconds(10), d -> "Valid.".equals(browser.text("editor-valid")));

    browser.click("editor:save");
    browser.waitFor(d -> d.getCurrentUrl().contains("scenarios.xhtml?id=" + id));
    assertTrue(browser.text("scenarios").contains(id), "the saved scenario is listed");
    assertTrue(browser.driver.getPageSource().contains("Saved scenarios/" + id + ".yaml."));
    browser.open("audit.xhtml?action=scenario.create&subject=scenario:" + id);
    assertTrue(browser.text("audit").contains("admin"), browser.text("audit"));

    browser.open("scenario-editor.xhtml?id=" + id);
    browser.waitFor(d -> d.findElements(By.cssSelector(".CodeMirror")).size() > 0);
    browser.click("duplicate");
    browser.waitFor(d -> d.getCurrentUrl().contains("copy=" + id));
    assertEquals(
        id + "-copy",
        browser.driver.findElement(By.id("editor:scenario-id")).getAttribute("value"));
    assertTrue(
        ((String) editor("return cm.getValue();")).startsWith("id: " + id + "-copy\n"),
        "the copy carries its own id");
    browser.click("editor:save");
    browser.waitFor(d -> d.getCurrentUrl().contains("scenarios.xhtml?id=" + id + "-copy"));
    assertTrue(Files.exists(scenarios.resolve(id + "-copy.yaml")));
  }

  @Test
  void anInvalidUploadSavesNothingAndAValidOneIsSaved() throws IOException {
    String bad = newId();
    String good = newId();
    Path dir = Files.createTempDirectory("syngen-upload-");
    Path badFile = Files.writeString(dir.resolve(bad + ".yaml"), document(bad, "no_such_gen"));
    Path goodFile = Files.writeString(dir.resolve(good + ".yaml"), document(good, "sequence"));
    browser.login(Api.ADMIN, api.adminPassword());

    browser.open("scenario-editor.xhtml");
    browser.driver.findElement(By.id("upload:file")).sendKeys(badFile.toString());
    browser.click("upload:load");
    browser.waitFor(d -> browser.text("messages").contains("was not saved"));
    assertTrue(browser.text("editor-problems").contains("no_such_gen"));
    assertFalse(Files.exists(scenarios.resolve(bad + ".yaml")), "nothing saved");
    assertEquals(404, api.admin("GET", "api/v1/scenarios/" + bad, null).status());
    assertEquals(
        List.of(),
        ConsoleAccessibilityIT.seriousViolations(
            browser, ConsoleAccessibilityIT.axe(), "scenario-editor.xhtml (a page-wide error)"),
        "a page-wide message passes axe too");

    browser.driver.findElement(By.id("upload:file")).sendKeys(goodFile.toString());
    browser.click("upload:load");
    browser.waitFor(d -> d.getCurrentUrl().contains("scenarios.xhtml?id=" + good));
    assertEquals(200, api.admin("GET", "api/v1/scenarios/" + good, null).status());
    Files.delete(badFile);
    Files.delete(goodFile);
    Files.delete(dir);
  }

  @Test
  void aViewerReadsAScenarioReadOnlyAndTheGeneratorCatalogue() {
    Api.Reply catalogue = api.viewer("GET", "api/v1/generators", null);
    assertEquals(200, catalogue.status(), catalogue.body());
    JsonNode sequence = null;
    for (JsonNode g : catalogue.json()) {
      if ("sequence".equals(g.path("name").asText())) {
        sequence = g;
      }
    }
    assertTrue(sequence != null, catalogue.body());
    assertEquals("[\"start\",\"step\"]", sequence.path("params").toString());
    assertEquals(401, api.anonymous("GET", "api/v1/generators", null).status());

    browser.login(Api.VIEWER, System.getProperty("syngen.it.viewer.password", "it-viewer-secret"));
    browser.open("scenario-editor.xhtml?id=iot-demo");
    browser.waitFor(d -> d.findElements(By.cssSelector(".CodeMirror")).size() > 0);
    assertTrue(browser.text("viewer-note").contains("only an admin may save"));
    assertTrue(browser.driver.findElements(By.id("editor:save")).isEmpty(), "no Save for a viewer");
    assertTrue(browser.driver.findElements(By.id("upload:load")).isEmpty(), "no upload");
    assertEquals(Boolean.TRUE, editor("return cm.getOption('readOnly');"));
    String before = (String) editor("return cm.getValue();");
    editor("cm.focus(); cm.setCursor({line: 0, ch: 0});");
    input().sendKeys("typed ");
    assertEquals(before, editor("return cm.getValue();"), "a viewer's keys change nothing");
    assertEquals("Valid.", browser.text("editor-valid"));
    assertFalse(browser.text("editor-diagram").isBlank(), "the diagram is drawn");
    browser.screenshot("editor-viewer-light");
    theme("dark");
    browser.screenshot("editor-viewer-dark");
  }
}
