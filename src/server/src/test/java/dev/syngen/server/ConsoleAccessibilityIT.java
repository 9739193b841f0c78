package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every console page, scanned by axe-core (a test resource, injected by the browser) in light and
 * dark theme: no serious or critical violation.
 */
class ConsoleAccessibilityIT {
  private static final List<String> PAGES =
      List.of(
          "index.xhtml",
          "runs.xhtml",
          "new-run.xhtml",
          "targets.xhtml",
          "scenarios.xhtml",
          "scenarios.xhtml?id=iot-demo",
          "scenario-editor.xhtml",
          "corpora.xhtml",
          "llm.xhtml",
          "index-gate.xhtml",
          "draft.xhtml",
          "profile.xhtml",
          "audit.xhtml",
          "trace.xhtml?run=none",
          "fidelity.xhtml?run=none");

  private static Api api;
  private static String axe;
  private Browser browser;

  @BeforeAll
  static void server() throws IOException {
    api = Api.itServer();
    axe = axe();
  }

  /** axe-core, as the browser tests inject it. */
  static String axe() throws IOException {
    try (InputStream in = ConsoleAccessibilityIT.class.getResourceAsStream("/axe/axe.min.js")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
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
  void signInPageHasNoSeriousViolations() {
    browser.open("login.xhtml");
    assertEquals(List.of(), seriousViolations("login.xhtml"));
    browser.type("login:user", Api.ADMIN);
    browser.type("login:password", "wrong-password");
    browser.click("login:submit");
    browser.waitFor(d -> browser.text("login:messages").contains("Wrong user name or password"));
    assertEquals(List.of(), seriousViolations("login.xhtml (refused)"));
  }

  @Test
  void everyPageHasNoSeriousViolationsInEitherTheme() {
    browser.login(Api.ADMIN, api.adminPassword());
    List<String> found = new ArrayList<>();
    for (String theme : List.of("light", "dark")) {
      // stored before the pages open, so theme.js applies it before drawing: axe never reads the
      // colours of PrimeFaces' transitions from one theme to the other
      browser.driver.executeScript("localStorage.setItem('syngen.theme', arguments[0]);", theme);
      for (String page : PAGES) {
        browser.open(page);
        browser.driver.executeScript(
            "localStorage.setItem('syngen.theme', arguments[0]);"
                + " document.documentElement.setAttribute('data-theme', arguments[0]);",
            theme);
        found.addAll(seriousViolations(page + " (" + theme + ")"));
      }
      browser.screenshot("a11y-last-page-" + theme);
    }
    assertEquals(List.of(), found);
  }

  private List<String> seriousViolations(String page) {
    return seriousViolations(browser, axe, page);
  }

  /** axe-core's serious and critical findings on the page {@code browser} shows, one line each. */
  @SuppressWarnings("unchecked")
  static List<String> seriousViolations(Browser browser, String axe, String page) {
    assertTrue(
        browser.driver.findElements(org.openqa.selenium.By.id("error-title")).isEmpty(),
        page + " opened, not an error page");
    browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    browser.driver.executeScript(axe);
    Object result =
        browser.driver.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(function (r) { done(r.violations); })"
                + ".catch(function (e) { done([{id: 'axe-error', impact: 'critical',"
                + " help: String(e), nodes: []}]); });");
    List<String> out = new ArrayList<>();
    for (Map<String, Object> v : (List<Map<String, Object>>) result) {
      String impact = String.valueOf(v.get("impact"));
      if (impact.equals("serious") || impact.equals("critical")) {
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) v.get("nodes");
        List<String> targets =
            nodes.stream().limit(3).map(n -> String.valueOf(n.get("target"))).toList();
        out.add(
            page + ": " + v.get("id") + " (" + impact + ") " + v.get("help") + " at " + targets);
      }
    }
    assertTrue(out.stream().noneMatch(s -> s.contains("axe-error")), String.join("\n", out));
    return out;
  }
}
