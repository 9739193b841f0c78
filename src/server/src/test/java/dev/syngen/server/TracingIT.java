package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syngen.server.OtlpReceiver.ReceivedSpan;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Traces end to end: a server of this build (syngenServerTraceIT) started with tracing on exports
 * its spans by OTLP/HTTP to a receiver the test runs. A run started by a REST call that carries a
 * W3C traceparent is one trace: the call's span under the caller's, the run's span under the
 * call's, a span per entity under the run's and sampled target writes under their entity's; the
 * run's audit entry and log lines name that trace (the server log's last line of the run also its
 * span), and no span carries a password. A run executed as Jakarta Batch jobs (the server's batch
 * threshold is 5,000 rows) gets the same spans: run, entities, sampled writes of its chunks.
 */
class TracingIT {
  private static final String SERVER = "syngenServerTraceIT";
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String BATCH_TRACE_ID = "5ce03f4688c45eb7b4da0fc82f1f5847";
  private static final String BROWSER_TRACE_ID = "6df14057a9d56fc8c5eb1ad93a2a6958";
  private static final String CALLER_SPAN = "00f067aa0ba902b7";

  private static OtlpReceiver otlp;
  private static LibertyProcess server;
  private static Api api;
  private static String admin;
  private static String target;

  @BeforeAll
  static void startServer() throws Exception {
    otlp = OtlpReceiver.start();
    admin = "trace-it-admin-" + UUID.randomUUID();
    Map<String, String> env = new HashMap<>();
    env.put("HTTP_PORT", String.valueOf(LibertyProcess.freePort()));
    env.put("HTTPS_PORT", String.valueOf(LibertyProcess.freePort()));
    env.put("SYNGEN_ADMIN_PASSWORD", admin);
    env.put("SYNGEN_VIEWER_PASSWORD", "trace-it-viewer-" + UUID.randomUUID());
    env.put("OTEL_SDK_DISABLED", "false");
    env.put("OTEL_EXPORTER_OTLP_ENDPOINT", otlp.endpoint());
    env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
    env.put("OTEL_BSP_SCHEDULE_DELAY", "200");
    env.put("SYNGEN_LOG_FORMAT", "json");
    // iot-demo at scale 0.01 (about 1,000 rows) runs on the executor, at 0.1 as batch jobs
    env.put("SYNGEN_BATCH_THRESHOLD_ROWS", "5000");
    env.put("SYNGEN_BATCH_CHECKPOINT_ROWS", "2000");
    server = new LibertyProcess(SERVER, env);
    api = new Api(server.base(), admin, env.get("SYNGEN_VIEWER_PASSWORD"));
    server.start();
    api.awaitReady(Duration.ofSeconds(180));
    target = api.createCsvTarget();
  }

  @AfterAll
  static void stopServer() throws Exception {
    try {
      server.stop();
    } finally {
      otlp.close();
    }
  }

  @Test
  void aRunStartedByATracedCallIsOneTraceFromTheCallThroughEntitiesToWrites() throws Exception {
    String id = startTraced(TRACE_ID, 0.01);
    assertEquals("success", api.awaitFinished(id).path("status").asText());

    JsonNode run = api.viewer("GET", "api/v1/runs/" + id, null).json();
    JsonNode audit = api.viewer("GET", "api/v1/audit?limit=50", null).json();
    JsonNode started = null;
    for (JsonNode a : audit) {
      if (("run:" + id).equals(a.path("subject").asText())) {
        started = a;
      }
    }
    assertEquals(TRACE_ID, started == null ? null : started.path("trace_id").asText(), "audit");
    JsonNode logs = api.viewer("GET", "api/v1/runs/" + id + "/logs", null).json();
    assertFalse(logs.isEmpty());
    logs.forEach(l -> assertEquals(TRACE_ID, l.path("trace_id").asText(), l.toString()));

    List<ReceivedSpan> spans =
        Api.await(
            "the run's span, exported",
            Duration.ofSeconds(60),
            Duration.ofMillis(200),
            () -> spansOf(TRACE_ID),
            all -> all.stream().anyMatch(s -> s.name().equals("run iot-demo")));
    ReceivedSpan call = one(spans, s -> s.kind().equals("SPAN_KIND_SERVER"));
    assertEquals(TRACE_ID, call.traceId());
    assertEquals(CALLER_SPAN, call.parentSpanId(), "the call continues the caller's trace");
    ReceivedSpan root = one(spans, s -> s.name().equals("run iot-demo"));
    assertEquals(TRACE_ID, root.traceId());
    assertEquals(call.spanId(), root.parentSpanId(), "the run's span is the call's child");
    assertEquals(id, root.attributes().get("syngen.run_id"));
    assertEquals("csv", root.attributes().get("syngen.target_kind"));
    List<ReceivedSpan> entities =
        Api.await(
            "the entities' spans",
            Duration.ofSeconds(30),
            Duration.ofMillis(200),
            () -> spansOf(TRACE_ID).stream().filter(s -> s.name().startsWith("entity ")).toList(),
            e -> e.size() == run.path("entities").size());
    for (ReceivedSpan e : entities) {
      assertEquals(root.spanId(), e.parentSpanId(), e.toString());
      assertTrue(Long.parseLong(e.attributes().get("syngen.rows")) > 0, e.toString());
      ReceivedSpan write =
          one(
              spansOf(TRACE_ID),
              s ->
                  s.name().equals("write " + e.attributes().get("syngen.entity"))
                      && "0".equals(s.attributes().get("syngen.batch")));
      assertEquals(e.spanId(), write.parentSpanId(), "a write is its entity's child");
      assertTrue(write.durationNanos() > 0);
    }
    JsonNode outcome =
        Api.await(
            "the run's last line in the server log",
            Duration.ofSeconds(10),
            Duration.ofMillis(200),
            () -> lastRunLine(id),
            line -> line != null);
    assertEquals(TRACE_ID, outcome.path("trace_id").asText(), outcome.toString());
    assertEquals(root.spanId(), outcome.path("span_id").asText(), "logged in the run's span");
    CookieSession console = new CookieSession(server.base());
    assertEquals(302, console.signIn("admin", admin).statusCode());
    String page = console.send("GET", "console/trace.xhtml?run=" + id, null, Map.of()).body();
    assertTrue(page.contains(TRACE_ID), "the trace view names the trace");
    assertTrue(page.contains(root.spanId()), "and lists the run's span");
    for (ReceivedSpan e : entities) {
      assertTrue(page.contains(e.name()) && page.contains(e.spanId()), e.name());
    }
    String runPage = console.send("GET", "console/run.xhtml?id=" + id, null, Map.of()).body();
    assertTrue(runPage.contains("trace.xhtml?run=" + id), "log lines link to the trace view");
    otlp.spans()
        .forEach(
            s ->
                s.attributes()
                    .values()
                    .forEach(v -> assertFalse(v.contains(admin), "a password in " + s)));
  }

  /**
   * A run above the batch threshold runs as Jakarta Batch jobs and is traced like an executor run:
   * its span under the call's, a span per entity under it, the first write of each chunk under its
   * entity's; its last line in the server log is logged in the run's span, and the console's trace
   * view lists the spans.
   */
  @Test
  void aBatchRunHasTheRunEntityAndSampledWriteSpansOfAnExecutorRun() throws Exception {
    String id = startTraced(BATCH_TRACE_ID, 0.1);
    assertEquals("success", api.awaitFinished(id).path("status").asText());
    JsonNode logs = api.viewer("GET", "api/v1/runs/" + id + "/logs", null).json();
    assertTrue(logs.toString().contains("as Jakarta Batch job syngen-run"), "a batch run: " + logs);
    JsonNode run = api.viewer("GET", "api/v1/runs/" + id, null).json();

    List<ReceivedSpan> spans =
        Api.await(
            "the batch run's span and its entities', exported",
            Duration.ofSeconds(60),
            Duration.ofMillis(200),
            () -> spansOf(BATCH_TRACE_ID),
            all ->
                all.stream().anyMatch(s -> s.name().equals("run iot-demo"))
                    && all.stream().filter(s -> s.name().startsWith("entity ")).count()
                        == run.path("entities").size());
    ReceivedSpan call = one(spans, s -> s.kind().equals("SPAN_KIND_SERVER"));
    ReceivedSpan root = one(spans, s -> s.name().equals("run iot-demo"));
    assertEquals(call.spanId(), root.parentSpanId(), "the batch run's span is the call's child");
    assertEquals(id, root.attributes().get("syngen.run_id"));
    assertEquals("success", root.attributes().get("syngen.status"));
    assertEquals(
        run.path("progress_rows_total").asText(), root.attributes().get("syngen.rows"), "all rows");
    for (JsonNode planned : run.path("entities")) {
      String entity = planned.path("entity").asText();
      ReceivedSpan e = one(spans, s -> s.name().equals("entity " + entity));
      assertEquals(root.spanId(), e.parentSpanId(), e.toString());
      assertEquals(planned.path("rows_written").asText(), e.attributes().get("syngen.rows"));
      List<ReceivedSpan> writes =
          spans.stream()
              .filter(s -> s.name().equals("write " + entity))
              .filter(s -> "0".equals(s.attributes().get("syngen.batch")))
              .toList();
      long chunks = (planned.path("rows_planned").asLong() + 1999) / 2000;
      assertEquals(chunks, writes.size(), "the first write of each chunk of " + entity);
      writes.forEach(w -> assertEquals(e.spanId(), w.parentSpanId(), "under its entity"));
    }
    JsonNode outcome =
        Api.await(
            "the batch run's last line in the server log",
            Duration.ofSeconds(10),
            Duration.ofMillis(200),
            () -> lastRunLine(id),
            line -> line != null && line.path("message").asText().contains("success"));
    assertEquals(BATCH_TRACE_ID, outcome.path("trace_id").asText(), outcome.toString());
    assertEquals(root.spanId(), outcome.path("span_id").asText(), "logged in the run's span");
    CookieSession console = new CookieSession(server.base());
    assertEquals(302, console.signIn("admin", admin).statusCode());
    String page = console.send("GET", "console/trace.xhtml?run=" + id, null, Map.of()).body();
    assertTrue(page.contains(root.spanId()), "the trace view lists the batch run's span");
  }

  /**
   * The trace view in headless Chromium, light and dark: a traced run's spans are listed indented
   * under their parents, each with a start offset and a positive duration; a run without spans here
   * gets the empty state instead of a table.
   */
  @Test
  void theTraceViewListsARunsSpansWithDurationsInBothThemes() throws Exception {
    String id = startTraced(BROWSER_TRACE_ID, 0.01);
    assertEquals("success", api.awaitFinished(id).path("status").asText());
    try (Browser browser = new Browser(server.base().toString())) {
      browser.login(Api.ADMIN, admin);
      for (String theme : List.of("light", "dark")) {
        browser.open("trace.xhtml?run=" + id);
        browser.driver.executeScript(
            "localStorage.setItem('syngen.theme', arguments[0]);"
                + " document.documentElement.setAttribute('data-theme', arguments[0]);",
            theme);
        assertEquals(BROWSER_TRACE_ID, browser.text("trace-id"));
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#spans tbody tr"));
        assertTrue(rows.size() >= 4, "the run, its 3 entities and writes: " + rows.size());
        List<String> names = new ArrayList<>();
        for (WebElement row : rows) {
          List<WebElement> cells = row.findElements(By.tagName("td"));
          names.add(cells.get(0).getText());
          double duration = Double.parseDouble(cells.get(2).getText());
          assertTrue(duration >= 0, row.getText());
          assertTrue(Double.parseDouble(cells.get(1).getText()) >= 0, row.getText());
        }
        assertEquals("run iot-demo", names.get(0), "the run's span first: " + names);
        double runMs =
            Double.parseDouble(rows.get(0).findElements(By.tagName("td")).get(2).getText());
        assertTrue(runMs > 0, "the run took time");
        assertTrue(
            names.containsAll(List.of("entity sites", "entity devices", "entity telemetry")));
        assertEquals(
            "span-depth-1",
            browser
                .driver
                .findElement(By.xpath("//table[@id='spans']//td[text()='entity telemetry']"))
                .getAttribute("class"),
            "an entity is indented under the run");
        browser.screenshot("trace-view-" + theme);
      }
      browser.open("trace.xhtml?run=no-such-run");
      assertTrue(browser.text("no-trace").contains("holds no spans of this run"));
      assertTrue(browser.driver.findElements(By.id("spans")).isEmpty(), "no table when empty");
      browser.screenshot("trace-view-empty");
      assertTrue(
          browser.consoleMessages().stream().noneMatch(m -> m.contains("Content Security Policy")),
          "nothing blocked by the CSP");
    }
  }

  private static List<ReceivedSpan> spansOf(String traceId) {
    return otlp.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
  }

  /** The newest JSON line of run {@code id} in the trace server's messages.log, or null. */
  private static JsonNode lastRunLine(String id) throws IOException {
    Path log = LibertyProcess.WLP_DIR.resolve("usr/servers/" + SERVER + "/logs/messages.log");
    JsonNode last = null;
    for (String line : Files.readAllLines(log)) {
      if (line.startsWith("{") && line.contains(id)) {
        JsonNode n = Api.JSON.readTree(line);
        if ("dev.syngen.run".equals(n.path("module").asText())
            && id.equals(n.path("run_id").asText())) {
          last = n;
        }
      }
    }
    return last;
  }

  private static String startTraced(String traceId, double scale) throws Exception {
    String body =
        "{\"scenario_id\":\"iot-demo\",\"target_id\":\"" + target + "\",\"scale\":" + scale + "}";
    HttpRequest request =
        HttpRequest.newBuilder(server.base().resolve("api/v1/runs"))
            .header("Content-Type", "application/json")
            .header("traceparent", "00-" + traceId + "-" + CALLER_SPAN + "-01")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(("admin:" + admin).getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(202, r.statusCode(), r.body());
    return Api.JSON.readTree(r.body()).path("id").asText();
  }

  private static ReceivedSpan one(List<ReceivedSpan> spans, Predicate<ReceivedSpan> which) {
    List<ReceivedSpan> found = spans.stream().filter(which).toList();
    assertEquals(1, found.size(), "spans: " + spans);
    return found.get(0);
  }
}
