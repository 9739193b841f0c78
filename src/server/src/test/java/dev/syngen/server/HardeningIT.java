package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What an anonymous caller could do before the hardening (docs/security.md, findings 1 to 7), each
 * tried again from outside against the running server.
 */
class HardeningIT {
  private final Api api = Api.itServer();

  private Api.Reply generate(String body) {
    return api.anonymous("POST", "api/v1/generate", body);
  }

  @Test
  void generateTakesScenarioIdsFromTheCatalogueNeverAServerPath() {
    for (String id : new String[] {"/etc/passwd", "../pom.xml", "/etc/hostname.yaml", "a/b"}) {
      Api.Reply r = generate("{\"scenario_id\":\"" + id + "\",\"entity\":\"x\",\"count\":1}");
      assertEquals(422, r.status(), id + ": " + r.body());
      JsonNode errors = r.json().path("errors");
      assertEquals("scenario_id", errors.get(0).path("path").asText(), r.body());
      assertFalse(r.body().contains("mapping"), r.body());
    }
    Api.Reply missing = generate("{\"scenario_id\":\"no-such\",\"entity\":\"x\",\"count\":1}");
    assertEquals(404, missing.status(), missing.body());
    Api.Reply ok =
        generate("{\"scenario_id\":\"iot-demo\",\"entity\":\"telemetry\",\"count\":3,\"seed\":1}");
    assertEquals(200, ok.status(), ok.body());
    assertEquals(3, ok.body().split("\n").length);
  }

  @Test
  void dotSegmentsCannotReachConsolePagesWithoutSignIn() throws Exception {
    for (String path :
        new String[] {
          "/console/assets/../audit.xhtml",
          "/console/jakarta.faces.resource/../targets.xhtml",
          "/console/assets/%2e%2e/audit.xhtml",
          "/console/assets/..;/audit.xhtml"
        }) {
      String head = rawGet(path);
      assertFalse(head.startsWith("HTTP/1.1 200"), path + " -> " + head);
      assertFalse(head.contains("Audit"), path + " -> " + head);
    }
    String root = rawGet("/console/");
    assertTrue(root.startsWith("HTTP/1.1 302"), root);
    assertTrue(root.contains("/console/index.xhtml"), root);
    String page = rawGet("/console/index.xhtml");
    assertTrue(page.contains("/console/login.xhtml?next="), page);
  }

  @Test
  void secretsInTargetOptionsAndDsnsAreNeverShown() throws Exception {
    String http = "it-sec-http-" + UUID.randomUUID().toString().substring(0, 8);
    String nats = "it-sec-nats-" + UUID.randomUUID().toString().substring(0, 8);
    String kafka = "it-sec-kafka-" + UUID.randomUUID().toString().substring(0, 8);
    assertCreated(
        api.admin(
            "POST",
            "api/v1/targets",
            "{\"id\":\""
                + http
                + "\",\"kind\":\"http\",\"dsn\":\"http://TokHttp4711@127.0.0.1:9/x\","
                + "\"options\":{\"header.Authorization\":\"Bearer AuthTok4711\","
                + "\"header.Cookie\":\"sid=CookieTok4711\",\"header.X-Api-Auth\":\"Custom4711\","
                + "\"header.User-Agent\":\"syngen-it-agent\"}}"));
    assertCreated(
        api.admin(
            "POST",
            "api/v1/targets",
            "{\"id\":\""
                + nats
                + "\",\"kind\":\"nats\",\"dsn\":\"nats://NatsTok4711@127.0.0.1:9\"}"));
    assertCreated(
        api.admin(
            "POST",
            "api/v1/targets",
            "{\"id\":\""
                + kafka
                + "\",\"kind\":\"kafka\",\"dsn\":\"kafka://127.0.0.1:9\",\"options\":"
                + "{\"producer.sasl.jaas.config\":\"x required username=\\\"u\\\" password ="
                + " \\\"Jaas4711\\\";\"}}"));
    api.admin("POST", "api/v1/targets/" + nats + "/test", null);
    List<String> shown = new ArrayList<>();
    shown.add(api.viewer("GET", "api/v1/targets", null).body());
    shown.add(api.viewer("GET", "api/v1/targets/" + http, null).body());
    shown.add(api.viewer("GET", "api/v1/targets/" + nats, null).body());
    shown.add(api.viewer("GET", "api/v1/targets/" + kafka, null).body());
    shown.add(api.admin("GET", "api/v1/audit?limit=200", null).body());
    Path log = Path.of(System.getProperty("syngen.it.server.dir"), "logs", "messages.log");
    shown.add(Files.readString(log));
    for (String text : shown) {
      for (String secret :
          new String[] {
            "TokHttp4711", "AuthTok4711", "CookieTok4711", "Custom4711", "NatsTok4711", "Jaas4711"
          }) {
        assertFalse(text.contains(secret), secret + " shown in: " + abbreviate(text, secret));
      }
    }
    assertTrue(shown.get(1).contains("syngen-it-agent"), shown.get(1));
  }

  @Test
  void aHugeDsnIsAnsweredPromptlyNotAfterMinutesOfBacktracking() {
    String dsn = "postgres://" + "a".repeat(100_000) + ":" + "b".repeat(100_000);
    long start = System.nanoTime();
    Api.Reply r =
        api.anonymous(
            "POST",
            "api/v1/runs/plan",
            "{\"scenario_id\":\"iot-demo\",\"target\":{\"id\":\"x\",\"kind\":\"postgres\","
                + "\"dsn\":\""
                + dsn
                + "\"}}");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(r.status() >= 400 && r.status() < 500, r.status() + " " + abbreviate(r.body(), ""));
    // the quadratic redaction took minutes here; a linear one answers well within the 60 s timeout
    assertTrue(millis < 30_000, millis + " ms");
  }

  @Test
  void aWebSocketMessageOverTheLimitClosesTheConnectionUnread() throws Exception {
    URI http = ItServer.baseUrl();
    URI ws = URI.create("ws://" + http.getHost() + ":" + http.getPort() + "/api/v1/stream");
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    WebSocket socket =
        ItServer.CLIENT
            .newWebSocketBuilder()
            .buildAsync(
                ws,
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
                    closed.complete(status);
                    return null;
                  }

                  @Override
                  public void onError(WebSocket w, Throwable error) {
                    closed.complete(-1);
                  }
                })
            .get(30, TimeUnit.SECONDS);
    String big = "{\"type\":\"generate\",\"pad\":\"" + "x".repeat(4 << 20) + "\"}";
    socket.sendText(big, true);
    int status = closed.get(60, TimeUnit.SECONDS);
    assertTrue(status == 1009 || status == -1, "closed with " + status);
    assertEquals(200, api.anonymous("GET", "health/live", null).status());
  }

  @Test
  void generatorBombsAreRefusedBeforeAnyRecord() {
    StringBuilder cols =
        new StringBuilder(
            "{\"name\":\"t0\",\"type\":\"string\",\"generator\":{\"type\":\"expression\","
                + "\"params\":{\"expr\":\"'ab'\"}}}");
    for (int k = 1; k <= 40; k++) {
      cols.append(",{\"name\":\"t")
          .append(k)
          .append("\",\"type\":\"string\",\"generator\":{\"type\":\"expression\",\"params\":")
          .append("{\"expr\":\"t")
          .append(k - 1)
          .append(" + t")
          .append(k - 1)
          .append("\"}}}");
    }
    Api.Reply doubling =
        generate("{\"entity\":{\"name\":\"bomb\",\"columns\":[" + cols + "]},\"count\":1}");
    assertEquals(422, doubling.status(), abbreviate(doubling.body(), ""));
    assertTrue(doubling.body().contains("at most 256"), abbreviate(doubling.body(), ""));

    String pattern = "a{10000}".repeat(5);
    Api.Reply wide =
        generate(
            "{\"entity\":{\"name\":\"wide\",\"columns\":[{\"name\":\"p\",\"type\":\"string\","
                + "\"generator\":{\"type\":\"pattern\",\"params\":{\"pattern\":\""
                + pattern
                + "\"}}}]},\"count\":1}");
    assertEquals(422, wide.status(), abbreviate(wide.body(), ""));
    assertTrue(wide.body().contains("longer than 10000"), abbreviate(wide.body(), ""));
  }

  @Test
  void streamsBeyondAClientsShareAreRefusedAndTheServerStaysResponsive() throws Exception {
    String body =
        "{\"scenario_id\":\"iot-demo\",\"entity\":\"telemetry\",\"count\":5000000,\"seed\":1}";
    List<InputStream> open = new ArrayList<>();
    try {
      Api.Reply refused = null;
      for (int i = 0; i < 4 && refused == null; i++) {
        HttpResponse<InputStream> r =
            ItServer.CLIENT.send(
                HttpRequest.newBuilder(ItServer.baseUrl().resolve("api/v1/generate"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() == 200) {
          r.body().read(); // started; then left unread so the stream stays open and blocked
          open.add(r.body());
        } else {
          refused =
              new Api.Reply(
                  r.statusCode(),
                  new String(r.body().readAllBytes(), StandardCharsets.UTF_8),
                  r.headers());
        }
      }
      assertTrue(refused != null, "four concurrent streams from one client were all admitted");
      assertTrue(refused.status() == 429 || refused.status() == 503, refused.toString());
      assertTrue(refused.headers().firstValue("Retry-After").isPresent(), refused.toString());
      long start = System.nanoTime();
      assertEquals(200, api.anonymous("GET", "health/live", null).status());
      assertEquals(200, api.viewer("GET", "api/v1/runs?limit=5", null).status());
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 10_000, "liveness and run list took " + millis + " ms");
    } finally {
      for (InputStream in : open) {
        in.close();
      }
    }
    // closing the clients frees their slots: a new stream is admitted again
    Api.Reply again =
        Api.await(
            "a new stream to be admitted",
            Duration.ofSeconds(10),
            Duration.ofMillis(200),
            () ->
                generate(
                    "{\"scenario_id\":\"iot-demo\",\"entity\":\"telemetry\",\"count\":2,\"seed\":1}"),
            r -> r.status() == 200);
    assertEquals(200, again.status(), again.toString());
  }

  private static void assertCreated(Api.Reply r) {
    assertEquals(201, r.status(), r.toString());
  }

  /** GET with the path sent byte for byte (HTTP clients normalise dot segments). */
  private static String rawGet(String path) throws Exception {
    URI base = ItServer.baseUrl();
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String abbreviate(String text, String around) {
    int at = around.isEmpty() ? 0 : Math.max(0, text.indexOf(around) - 200);
    return text.substring(at, Math.min(text.length(), at + 600));
  }
}
