package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syngen.io.llm.OpenAiStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The console's LLM page in headless Chromium, against an OpenAI-compatible stub on 127.0.0.1: the
 * provider is listed with its key variable set (never the key), an admin's test shows the model and
 * latency, a run's requests and cost appear by day, by provider and by run, a provider whose key
 * variable is unset gets a guided prompt, and a viewer has no test button. Screenshots in light and
 * dark theme.
 */
class ConsoleLlmIT {
  private static final String KEY = System.getProperty("syngen.it.llm.key", "");
  private static Api api;
  private static OpenAiStub stub;
  private static Path llmDir;
  private static String provider;
  private static String keyless;
  private static Path scenarioFile;
  private Browser browser;

  @BeforeAll
  static void server() throws IOException {
    api = Api.itServer();
    llmDir = Path.of(System.getProperty("syngen.it.llm.dir", "target/it-llm"));
    stub = new OpenAiStub("console-stub");
    String tag = UUID.randomUUID().toString().substring(0, 8);
    provider = "console-stub-" + tag;
    keyless = "console-keyless-" + tag;
    Files.createDirectories(llmDir);
    Files.writeString(
        llmDir.resolve(provider + ".yaml"),
        "base_url: "
            + stub.baseUrl()
            + "\nmodel: console-model\napi_key_env: SYNGEN_IT_LLM_KEY\nmax_concurrency: 2\n"
            + "price_input_per_million: 3\nprice_output_per_million: 5\n");
    Files.writeString(
        llmDir.resolve(keyless + ".yaml"),
        "base_url: "
            + stub.baseUrl()
            + "\nmodel: console-model\napi_key_env: SYNGEN_IT_NO_SUCH_KEY_"
            + tag.toUpperCase(java.util.Locale.ROOT)
            + "\n");
    // the server's scenarios directory is the project's: a scenario of this test's own, removed
    // after
    Path root = Path.of(System.getProperty("syngen.it.output.dir", "out")).getParent();
    scenarioFile = root.resolve("scenarios").resolve("it-console-llm-" + tag + ".yaml");
    Files.writeString(
        scenarioFile,
        "{\"id\":\"it-console-llm-"
            + tag
            + "\",\"name\":\"console llm\",\"seed\":5,\"as_of\":\"2026-01-01T00:00:00Z\","
            + "\"entities\":[{\"name\":\"items\",\"rows\":5,\"columns\":["
            + "{\"name\":\"id\",\"type\":\"bigint\",\"generator\":{\"type\":\"sequence\"}},"
            + "{\"name\":\"blurb\",\"type\":\"text\",\"generator\":{\"type\":\"llm_text\",\"params\":{"
            + "\"mode\":\"per_row\",\"prompt\":\"Summarise item {id} for "
            + tag
            + "\",\"provider\":\""
            + provider
            + "\",\"max_tokens\":10}}}]}]}\n");
  }

  @AfterAll
  static void stop() throws IOException {
    stub.close();
    Files.deleteIfExists(llmDir.resolve(provider + ".yaml"));
    Files.deleteIfExists(llmDir.resolve(keyless + ".yaml"));
    Files.deleteIfExists(scenarioFile);
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
  void anAdminSeesProvidersTestsOneAndFindsARunsUsageAndCost() {
    JsonNode run = api.awaitFinished(startRun());
    assertEquals("success", run.path("status").asText(), run.toString());
    String runId = run.path("id").asText();

    browser.login(Api.ADMIN, api.adminPassword());
    browser.open("llm.xhtml");
    browser.waitFor(
        d -> d.findElements(By.cssSelector("tr[data-provider='" + provider + "']")).size() > 0);
    String row = browser.driver.findElement(By.id("provider-" + provider)).getText();
    assertTrue(row.contains("SYNGEN_IT_LLM_KEY: set"), row);
    assertTrue(row.contains("console-model"), row);
    String keylessRow = browser.driver.findElement(By.id("provider-" + keyless)).getText();
    assertTrue(keylessRow.contains("NOT set"), keylessRow);
    String prompts = browser.text("llm-prompts");
    assertTrue(prompts.contains("Provider " + keyless + " has no key"), prompts);
    assertTrue(
        prompts.contains("Cost cap near for run " + runId), "6 of max_requests 7: " + prompts);

    String runRow =
        browser
            .driver
            .findElement(By.cssSelector("#llm-runs tr[data-run='" + runId + "']"))
            .getText();
    assertTrue(runRow.contains(" 6 "), "six requests, one per row: " + runRow);
    String byProvider =
        browser
            .driver
            .findElement(By.cssSelector("#llm-by-provider tr[data-provider='" + provider + "']"))
            .getText();
    assertTrue(byProvider.startsWith(provider + " 1 6 "), byProvider);
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    String day =
        browser
            .driver
            .findElement(By.cssSelector("#llm-days tr[data-day='" + today + "']"))
            .getText();
    assertFalse(day.startsWith(today + " 0 "), "today's runs are counted: " + day);
    assertTrue(
        Long.parseLong(browser.text("cache-entries").split(" ")[0]) >= 6,
        browser.text("cache-entries"));

    int before = stub.requests();
    browser.driver.findElement(By.cssSelector("#provider-" + provider + " input.test")).click();
    browser.waitFor(d -> d.findElements(By.id("llm-test-result")).size() > 0);
    assertEquals("console-model", browser.text("tested-model"));
    assertTrue(Long.parseLong(browser.text("tested-latency")) >= 0);
    assertEquals(before + 1, stub.requests(), "the test sends one tiny request");
    assertFalse(browser.driver.getPageSource().contains(KEY), "the key is not in the page");
    for (String theme : List.of("light", "dark")) {
      ((JavascriptExecutor) browser.driver)
          .executeScript(
              "document.documentElement.setAttribute('data-theme', arguments[0]);", theme);
      browser.screenshot("console-llm-" + theme);
    }
    List<String> audit =
        api.admin("GET", "api/v1/audit?subject=llm:" + provider, null)
            .json()
            .findValuesAsText("action");
    assertTrue(audit.contains("llm.test"), "the test is audited: " + audit);
  }

  @Test
  void theBuildersPlanShowsTheLlmEstimateAndRefusesARunOverItsCap() {
    String target = api.createCsvTarget();
    String scenario = scenarioFile.getFileName().toString().replace(".yaml", "");
    int before = stub.requests();
    browser.login(Api.ADMIN, api.adminPassword());
    browser.open("new-run.xhtml");
    new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("builder:scenario")))
        .selectByValue(scenario);
    new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("builder:target")))
        .selectByValue(target);
    browser.type("builder:maxRequests", "50");
    browser.click("builder:preview");
    browser.waitFor(d -> d.findElements(By.id("plan-llm-total")).size() > 0);
    String total = browser.text("plan-llm-total");
    assertTrue(total.startsWith("total 5 0 "), "five requests, none cached: " + total);
    assertTrue(browser.text("plan-llm").contains("max_requests=50"), browser.text("plan-llm"));

    browser.type("builder:maxRequests", "4");
    browser.click("builder:preview");
    browser.waitFor(d -> d.getPageSource().contains("over max_requests 4"));
    assertEquals(before, stub.requests(), "a plan sends nothing");
  }

  @Test
  void aViewerReadsThePageWithoutATestButton() {
    browser.login(Api.VIEWER, System.getProperty("syngen.it.viewer.password", "it-viewer-secret"));
    browser.open("llm.xhtml");
    browser.waitFor(d -> d.findElements(By.id("provider-" + provider)).size() > 0);
    assertTrue(
        browser.driver.findElements(By.cssSelector("#llm-providers input.test")).isEmpty(),
        "viewers cannot send requests");
  }

  private String startRun() {
    long seed = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    String scenario =
        "{\"id\":\"console-llm\",\"name\":\"console llm\",\"seed\":"
            + seed
            + ",\"as_of\":\"2026-01-01T00:00:00Z\",\"entities\":[{\"name\":\"notes\",\"rows\":6,"
            + "\"columns\":[{\"name\":\"id\",\"type\":\"bigint\",\"generator\":{\"type\":\"sequence\"}},"
            + "{\"name\":\"note\",\"type\":\"text\",\"generator\":{\"type\":\"llm_text\",\"params\":{"
            + "\"mode\":\"per_row\",\"prompt\":\"Write note {id}\",\"provider\":\""
            + provider
            + "\",\"max_tokens\":10}}}]}]}";
    Api.Reply r =
        api.admin(
            "POST",
            "api/v1/runs",
            "{\"scenario\":"
                + scenario
                + ",\"target\":{\"kind\":\"ndjson\",\"dsn\":\"out/it/console-llm-"
                + seed
                + "\"},\"max_requests\":7}");
    assertEquals(202, r.status(), r.toString());
    return r.json().path("id").asText();
  }
}
