package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syngen.server.OtlpReceiver.ReceivedSpan;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Traces end to end: a server of this build (syngenServerTraceIT) started with tracing on exports
 * its spans by OTLP/HTTP to a receiver the test runs. A run started by a REST call that carries a
 * W3C traceparent is one trace: the call's span under the caller's, the run's span under the
 * call's, a span per entity under the run's and sampled target writes under their entity's; the
 * run's audit entry and log lines name that trace (the server log's last line of the run also its
 * span), and no span carries a password.
 */
class TracingIT {
  private static final String SERVER = "syngenServerTraceIT";
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN = "00f067aa0ba902b7";

  @Test
  void aRunStartedByATracedCallIsOneTraceFromTheCallThroughEntitiesToWrites() throws Exception {
    try (OtlpReceiver otlp = OtlpReceiver.start()) {
      String admin = "trace-it-admin-" + UUID.randomUUID();
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
      LibertyProcess server = new LibertyProcess(SERVER, env);
      Api api = new Api(server.base(), admin, env.get("SYNGEN_VIEWER_PASSWORD"));
      try {
        server.start();
        api.awaitReady(Duration.ofSeconds(180));
        String target = api.createCsvTarget();
        String id = startTraced(server.base(), admin, target);
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
                otlp::spans,
                all -> all.stream().anyMatch(s -> s.name().equals("run iot-demo")));
        ReceivedSpan call =
            one(spans, s -> s.traceId().equals(TRACE_ID) && s.kind().equals("SPAN_KIND_SERVER"));
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
                () -> otlp.spans().stream().filter(s -> s.name().startsWith("entity ")).toList(),
                e -> e.size() == run.path("entities").size());
        for (ReceivedSpan e : entities) {
          assertEquals(root.spanId(), e.parentSpanId(), e.toString());
          assertTrue(Long.parseLong(e.attributes().get("syngen.rows")) > 0, e.toString());
          ReceivedSpan write =
              one(
                  otlp.spans(),
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
      } finally {
        server.stop();
      }
    }
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

  private static String startTraced(URI base, String admin, String target) throws Exception {
    String body = "{\"scenario_id\":\"iot-demo\",\"target_id\":\"" + target + "\",\"scale\":0.01}";
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("api/v1/runs"))
            .header("Content-Type", "application/json")
            .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
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

  private static ReceivedSpan one(
      List<ReceivedSpan> spans, java.util.function.Predicate<ReceivedSpan> which) {
    List<ReceivedSpan> found = spans.stream().filter(which).toList();
    assertEquals(1, found.size(), "spans: " + spans);
    return found.get(0);
  }
}
