package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The console's frame in headless Chromium: sidebar, breadcrumbs, theme and one strict CSP. */
class ConsoleLayoutIT {
  private static final List<String> PAGES =
      List.of(
          "dashboard",
          "runs",
          "new-run",
          "targets",
          "scenarios",
          "scenario-editor",
          "corpora",
          "llm",
          "index-gate",
          "draft",
          "profile",
          "audit");

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
  void theSidebarListsEveryPageAndMarksTheCurrentOne() {
    browser.login(Api.ADMIN, api.adminPassword());
    for (String key : PAGES) {
      browser.click("nav-" + key);
      browser.waitFor(
          d -> "page".equals(d.findElement(By.id("nav-" + key)).getAttribute("aria-current")));
      String title = browser.driver.getTitle();
      assertTrue(title.endsWith(" · syngen console"), title);
      assertTrue(
          browser.driver.findElements(By.cssSelector(".sidebar a[aria-current='page']")).size()
              == 1,
          "one current entry on " + key);
      String label = browser.driver.findElement(By.id("nav-" + key)).getText();
      assertEquals(label, browser.driver.findElement(By.tagName("h1")).getText(), key);
      assertFalse(
          browser.consoleMessages().stream().anyMatch(m -> m.contains("Content Security Policy")),
          "no script or style blocked on " + key);
    }
  }

  @Test
  void aRunsPageSitsUnderRunsInTheBreadcrumbsAndItsTitleNamesTheRun() {
    String target = api.createCsvTarget();
    Api.Reply started =
        api.admin(
            "POST",
            "api/v1/runs",
            "{\"scenario_id\":\"iot-demo\",\"target_id\":\"" + target + "\",\"scale\":0.01}");
    String id = started.json().path("id").asText();
    api.awaitFinished(id);
    browser.login(Api.ADMIN, api.adminPassword());
    browser.open("run.xhtml?id=" + id);
    List<String> crumbs =
        browser.driver.findElements(By.cssSelector(".crumbs li")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(List.of("Console", "Runs", "Run " + id), crumbs);
    assertEquals(
        "page", browser.driver.findElement(By.id("nav-runs")).getAttribute("aria-current"));
    assertEquals("Run " + id + " · syngen console", browser.driver.getTitle());
  }

  @Test
  void theDarkThemeIsKeptAcrossPages() {
    browser.login(Api.ADMIN, api.adminPassword());
    WebElement html = browser.driver.findElement(By.tagName("html"));
    assertEquals("light", html.getAttribute("data-theme"));
    browser.screenshot("theme-light");
    browser.click("theme-toggle");
    assertEquals("dark", browser.driver.findElement(By.tagName("html")).getAttribute("data-theme"));
    assertEquals(
        "true", browser.driver.findElement(By.id("theme-toggle")).getAttribute("aria-pressed"));
    browser.open("runs.xhtml");
    assertEquals("dark", browser.driver.findElement(By.tagName("html")).getAttribute("data-theme"));
    String background =
        (String)
            browser.driver.executeScript("return getComputedStyle(document.body).backgroundColor;");
    assertEquals("rgb(21, 25, 34)", background, "the dark background");
    browser.screenshot("theme-dark-runs");
    browser.click("theme-toggle");
    browser.driver.navigate().refresh();
    assertEquals(
        "light", browser.driver.findElement(By.tagName("html")).getAttribute("data-theme"));
  }

  @Test
  void consolePagesSendOneStrictPolicyThatNamesTheirScriptsNonce() {
    CookieSession s = new CookieSession(api.base());
    s.signIn(Api.ADMIN, api.adminPassword());
    HttpResponse<String> page = s.send("GET", "console/runs.xhtml", null, Map.of());
    assertEquals(200, page.statusCode());
    List<String> policies = page.headers().allValues("Content-Security-Policy");
    assertEquals(1, policies.size(), "one policy: " + policies);
    String csp = policies.get(0);
    assertFalse(csp.contains("unsafe-inline"), csp);
    assertFalse(csp.contains("unsafe-eval"), csp);
    Matcher nonce = Pattern.compile("script-src 'self' 'nonce-([^']+)';").matcher(csp);
    assertTrue(nonce.find(), csp);
    assertTrue(
        page.body().contains("nonce=\"" + nonce.group(1) + "\""),
        "the page's inline scripts carry the policy's nonce");
    assertTrue(
        Pattern.compile("<script(?![^>]*\\b(src|nonce)=)[^>]*>")
                .matcher(page.body())
                .results()
                .count()
            == 0,
        "every script is a file or carries the nonce");

    HttpResponse<String> other = s.send("GET", "console/runs.xhtml", null, Map.of());
    String again = other.headers().firstValue("Content-Security-Policy").orElse("");
    assertFalse(again.equals(csp), "a fresh nonce per response");
  }

  @Test
  void theSignInFormKeepsAWorkingPolicyAfterAWrongPassword() {
    CookieSession s = new CookieSession(api.base());
    HttpResponse<String> refused = s.signIn(Api.ADMIN, "wrong-password");
    assertTrue(refused.body().contains("Wrong user name or password."), refused.body());
    List<String> policies = refused.headers().allValues("Content-Security-Policy");
    assertEquals(1, policies.size(), "one policy: " + policies);
    assertTrue(policies.get(0).contains("script-src 'self'"), policies.get(0));
    assertTrue(policies.get(0).contains("frame-ancestors 'none'"), policies.get(0));

    browser.open("login.xhtml");
    browser.type("login:user", Api.ADMIN);
    browser.type("login:password", "wrong-password");
    browser.click("login:submit");
    browser.waitFor(d -> d.getPageSource().contains("Wrong user name or password."));
    assertFalse(
        browser.consoleMessages().stream().anyMatch(m -> m.contains("Content Security Policy")),
        "nothing blocked on the refused sign-in");
    browser.login(Api.ADMIN, api.adminPassword());
    assertTrue(browser.text("whoami").contains("admin (admin)"));
  }
}
