package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syngen.io.llm.OpenAiStub;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * llm_text through the server against an OpenAI-compatible stub on a free 127.0.0.1 port: the
 * provider profile is written into the directory the IT server reads (syngen.llm.dir, see pom.xml),
 * whose key variable the IT server's environment sets. Runs write stub text, record their usage,
 * read the cache on a rerun, and the key appears in no answer, record or log.
 */
class LlmIT {
  private static final String KEY = System.getProperty("syngen.it.llm.key", "");
  private static final String ROWS = "12";

  private static Api api;
  private static OpenAiStub stub;
  private static String provider;
  private static Path llmDir;
  private static Path output;

  @BeforeAll
  static void server() throws IOException {
    api = Api.itServer();
    assertTrue(KEY.length() > 8, "syngen.it.llm.key is set by pom.xml");
    llmDir = Path.of(System.getProperty("syngen.it.llm.dir", "target/it-llm"));
    output = Path.of(System.getProperty("syngen.it.output.dir", "out"));
    stub = new OpenAiStub("it-stub");
    provider = "it-stub-" + UUID.randomUUID().toString().substring(0, 8);
    Files.createDirectories(llmDir);
    Files.writeString(
        llmDir.resolve(provider + ".yaml"),
        "base_url: "
            + stub.baseUrl()
            + "\nmodel: it-model\napi_key_env: SYNGEN_IT_LLM_KEY\nmax_concurrency: 4\n"
            + "price_input_per_million: 1\nprice_output_per_million: 2\n");
  }

  @AfterAll
  static void stop() throws IOException {
    stub.close();
    Files.deleteIfExists(llmDir.resolve(provider + ".yaml"));
  }

  private static String scenario(long seed, String providerId) {
    return "{\"id\":\"it-llm\",\"name\":\"llm\",\"seed\":"
        + seed
        + ",\"as_of\":\"2026-01-01T00:00:00Z\",\"entities\":[{\"name\":\"reviews\",\"rows\":"
        + ROWS
        + ",\"columns\":["
        + "{\"name\":\"id\",\"type\":\"bigint\",\"generator\":{\"type\":\"sequence\"}},"
        + "{\"name\":\"stars\",\"type\":\"bigint\",\"generator\":{\"type\":\"uniform_int\","
        + "\"params\":{\"min\":1,\"max\":5}}},"
        + "{\"name\":\"review\",\"type\":\"text\",\"generator\":{\"type\":\"llm_text\","
        + "\"params\":{\"mode\":\"per_row\",\"prompt\":\"Write a {stars}-star review\",\"provider\":\""
        + providerId
        + "\",\"max_tokens\":20}}}]}]}";
  }

  private static String runBody(long seed, String providerId, String dir, String extra) {
    return "{\"scenario\":"
        + scenario(seed, providerId)
        + ",\"target\":{\"kind\":\"ndjson\",\"dsn\":\"out/it/"
        + dir
        + "\"}"
        + extra
        + "}";
  }

  private static String start(String body) {
    Api.Reply r = api.admin("POST", "api/v1/runs", body);
    assertEquals(202, r.status(), r.toString());
    return r.json().path("id").asText();
  }

  @Test
  void aRunWritesStubTextRecordsItsUsageAndARerunIsServedFromTheCache() throws IOException {
    long seed = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    String dir = "llm-" + UUID.randomUUID().toString().substring(0, 8);
    int before = stub.requests();

    JsonNode run = api.awaitFinished(start(runBody(seed, provider, dir, "")));

    assertEquals("success", run.path("status").asText(), run.toString());
    int sent = stub.requests() - before;
    assertEquals(12, sent, "one request per row");
    assertEquals("Bearer " + KEY, stub.seen().get(before).authorization());
    List<String> rows =
        Files.readAllLines(output.resolve("it/" + dir + "/reviews.ndjson"), StandardCharsets.UTF_8);
    assertEquals(12, rows.size());
    for (String line : rows) {
      String review = Api.JSON.readTree(line).path("review").asText();
      assertTrue(review.startsWith("it-stub says (it-model, seed "), line);
      assertTrue(review.contains("-star review"), line);
    }
    JsonNode shown = api.viewer("GET", "api/v1/runs/" + run.path("id").asText(), null).json();
    JsonNode llm = shown.path("llm");
    assertEquals("online", llm.path("mode").asText(), shown.toString());
    assertEquals(12, llm.path("total").path("requests").asLong(), llm.toString());
    assertEquals(0, llm.path("total").path("cache_hits").asLong(), llm.toString());
    assertTrue(llm.path("total").path("input_tokens").asLong() > 0, llm.toString());
    assertTrue(llm.path("total").path("output_tokens").asLong() > 0, llm.toString());
    assertTrue(llm.path("total").path("cost").asDouble() > 0, llm.toString());
    assertEquals(
        12, llm.path("providers").path(provider).path("requests").asLong(), llm.toString());

    int beforeRerun = stub.requests();
    Api.Reply rerun = api.admin("POST", "api/v1/runs/" + run.path("id").asText() + "/rerun", null);
    assertEquals(202, rerun.status(), rerun.toString());
    JsonNode again = api.awaitFinished(rerun.json().path("id").asText());
    assertEquals("success", again.path("status").asText(), again.toString());
    assertEquals(beforeRerun, stub.requests(), "a rerun sends nothing");
    JsonNode cached =
        api.viewer("GET", "api/v1/runs/" + again.path("id").asText(), null).json().path("llm");
    assertEquals(0, cached.path("total").path("requests").asLong(), cached.toString());
    assertEquals(12, cached.path("total").path("cache_hits").asLong(), cached.toString());
    List<String> appended =
        Files.readAllLines(output.resolve("it/" + dir + "/reviews.ndjson"), StandardCharsets.UTF_8);
    assertEquals(24, appended.size(), "the rerun appends to the same file");
    assertEquals(rows, appended.subList(12, 24), "the rerun writes the same rows");

    assertKeyNowhere(shown.toString());
    assertKeyNowhere(api.admin("GET", "api/v1/runs/" + shown.path("id").asText() + "/logs", null));
    assertKeyNowhere(api.admin("GET", "api/v1/audit", null));
    assertKeyNowhere(api.viewer("GET", "api/v1/runs", null));
    assertKeyNowhere(serverLog());
  }

  @Test
  void anonymousGenerateReadsWhatARunCachedAndWritesTheRestWithTheFallbackSendingNothing()
      throws Exception {
    long seed = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    String scenario =
        scenario(seed, provider)
            .replace("\"max_tokens\":20}", "\"max_tokens\":20,\"fallback\":\"faker_sentence\"}");
    String generate = "{\"scenario\":" + scenario + ",\"count\":16}";
    int before = stub.requests();

    Api.Reply cold = api.anonymous("POST", "api/v1/generate", generate);
    assertEquals(200, cold.status(), cold.toString());
    assertEquals("0", cold.header("X-Syngen-Llm-Cached"), cold.toString());
    assertEquals("16", cold.header("X-Syngen-Llm-Fallback"), cold.toString());
    assertEquals(before, stub.requests(), "an anonymous generate sends nothing");

    String dir = "llm-gen-" + UUID.randomUUID().toString().substring(0, 8);
    JsonNode run =
        api.awaitFinished(
            start(
                "{\"scenario\":"
                    + scenario
                    + ",\"target\":{\"kind\":\"ndjson\",\"dsn\":\"out/it/"
                    + dir
                    + "\"}}"));
    assertEquals("success", run.path("status").asText(), run.toString());
    int afterRun = stub.requests();
    assertEquals(before + 12, afterRun, "the run asked its 12 rows");
    List<String> written =
        Files.readAllLines(output.resolve("it/" + dir + "/reviews.ndjson"), StandardCharsets.UTF_8);

    Api.Reply warm = api.anonymous("POST", "api/v1/generate", generate);
    assertEquals(200, warm.status(), warm.toString());
    assertEquals("12", warm.header("X-Syngen-Llm-Cached"), warm.toString());
    assertEquals("4", warm.header("X-Syngen-Llm-Fallback"), warm.toString());
    String[] lines = warm.body().split("\n");
    assertEquals(16, lines.length);
    for (int i = 0; i < 12; i++) {
      assertEquals(
          Api.JSON.readTree(written.get(i)).path("review"),
          Api.JSON.readTree(lines[i]).path("review"),
          "row " + i + " is the run's cached answer");
    }
    for (int i = 12; i < 16; i++) {
      String review = Api.JSON.readTree(lines[i]).path("review").asText();
      assertFalse(review.isBlank() || review.startsWith("it-stub says"), lines[i]);
    }
    String[] coldLines = cold.body().split("\n");
    assertEquals(coldLines[15], lines[15], "the fallback writes the same value for the same row");

    JsonNode complete = streamed("{\"type\":\"generate\"," + generate.substring(1), 16);
    assertEquals(12, complete.path("llm").path("cached").asLong(), complete.toString());
    assertEquals(4, complete.path("llm").path("fallback").asLong(), complete.toString());

    Api.Reply online =
        api.admin("POST", "api/v1/generate", "{\"llm\":\"online\"," + generate.substring(1));
    assertEquals(422, online.status(), online.toString());
    assertEquals("llm", online.json().path("errors").get(0).path("path").asText(), online.body());
    Api.Reply noFallback =
        api.anonymous(
            "POST",
            "api/v1/generate",
            "{\"scenario\":" + scenario(seed, provider) + ",\"count\":3}");
    assertEquals(422, noFallback.status(), noFallback.toString());
    assertTrue(noFallback.body().contains("generator.params.fallback"), noFallback.body());
    assertTrue(noFallback.body().contains("add fallback: faker_sentence"), noFallback.body());
    assertEquals(afterRun, stub.requests(), "generate never sends, signed in or not");
    assertKeyNowhere(warm);
    assertKeyNowhere(online);
    assertKeyNowhere(noFallback);
  }

  @Test
  void theSharedCacheExportsAndImportsInTheCommandLinesFormatWithoutKeysOrPrompts()
      throws IOException {
    long seed = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    JsonNode run = api.awaitFinished(start(runBody(seed, provider, "llm-cache-" + seed, "")));
    assertEquals("success", run.path("status").asText(), run.toString());

    JsonNode info = api.viewer("GET", "api/v1/llm/cache", null).json();
    assertTrue(info.path("entries").asLong() >= 12, info.toString());
    Api.Reply export = api.viewer("GET", "api/v1/llm/cache/export", null);
    assertEquals(200, export.status(), export.toString());
    List<String> lines = export.body().lines().toList();
    assertEquals(info.path("entries").asLong(), lines.size(), "one line per stored answer");
    List<String> written =
        Files.readAllLines(
            output.resolve("it/llm-cache-" + seed + "/reviews.ndjson"), StandardCharsets.UTF_8);
    for (String row : written) {
      String review = Api.JSON.readTree(row).path("review").asText();
      assertTrue(
          lines.stream().anyMatch(l -> l.contains(review)),
          "this run's answer is stored: " + review);
    }
    for (String line : lines) {
      JsonNode entry = Api.JSON.readTree(line);
      assertTrue(entry.path("key").asText().matches("[0-9a-f]{64}"), line);
      List<String> fields = new java.util.ArrayList<>();
      entry.fieldNames().forEachRemaining(fields::add);
      assertEquals(
          List.of("key", "text", "model", "input_tokens", "output_tokens"),
          fields,
          "an answer and its counts, never a prompt or provider: " + line);
    }
    assertKeyNowhere(export.body());

    Api.Reply again =
        api.call(
            "POST",
            "api/v1/llm/cache/import",
            "application/x-ndjson",
            export.body(),
            Api.ADMIN,
            api.adminPassword());
    assertEquals(200, again.status(), again.toString());
    assertEquals(0, again.json().path("added").asLong(), again.toString());
    assertEquals(lines.size(), again.json().path("present").asLong(), again.toString());

    String fresh = "{\"key\":\"" + "0".repeat(63) + "1\",\"text\":\"imported\",\"model\":\"m\"}";
    Api.Reply bad =
        api.call(
            "POST",
            "api/v1/llm/cache/import",
            "application/x-ndjson",
            fresh + "\n{\"key\":\"short\",\"text\":\"x\"}\n",
            Api.ADMIN,
            api.adminPassword());
    assertEquals(422, bad.status(), bad.toString());
    assertTrue(bad.body().contains("line 2.key"), bad.toString());
    assertEquals(
        info.path("entries").asLong(),
        api.viewer("GET", "api/v1/llm/cache", null).json().path("entries").asLong(),
        "a bad import adds nothing, not even its good lines");
    Api.Reply viewer = api.viewer("POST", "api/v1/llm/cache/import", fresh);
    assertEquals(403, viewer.status(), viewer.toString());
  }

  @Test
  void aRestartedRunKeepsItsCapsAndItsUsageCountsEveryExecution() {
    long seed = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    int before = stub.requests();
    String id;
    stub.latency(300);
    try {
      id = start(runBody(seed, provider, "llm-restart-" + seed, ",\"max_requests\":40"));
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(60))
          .until(() -> stub.requests() > before);
      stub.failAlways(400); // the provider breaks mid-run: the run fails
      JsonNode failed = api.awaitFinished(id);
      assertEquals("failed", failed.path("status").asText(), failed.toString());
    } finally {
      stub.failAlways(0);
      stub.latency(0);
    }
    JsonNode first = api.viewer("GET", "api/v1/runs/" + id, null).json().path("llm");
    assertEquals(40, first.path("max_requests").asLong(), first.toString());
    long firstRequests = first.path("requests_sent").asLong();
    assertEquals(
        stub.requests() - before, firstRequests, "failed requests count against the cap: " + first);

    assertEquals(202, api.admin("POST", "api/v1/runs/" + id + "/restart", null).status());
    JsonNode done = api.awaitFinished(id);
    assertEquals("success", done.path("status").asText(), done.toString());
    JsonNode llm = api.viewer("GET", "api/v1/runs/" + id, null).json().path("llm");
    assertEquals(40, llm.path("max_requests").asLong(), "the restart kept the cap: " + llm);
    assertTrue(stub.requests() - before > firstRequests, "the restart asked the rest");
    assertEquals(
        stub.requests() - before,
        llm.path("requests_sent").asLong(),
        "the cap counts the requests of both executions: " + llm);
    assertTrue(
        llm.path("total").path("requests").asLong() + llm.path("total").path("cache_hits").asLong()
            >= 12,
        "every row's answer was asked or read once the run succeeded: " + llm);
  }

  @Test
  void thePlanShowsTheEstimateACapRefusesTheRunUnsentAndMetricsCountRequests() {
    long seed = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    int before = stub.requests();
    Api.Reply plan = api.admin("POST", "api/v1/runs/plan", runBody(seed, provider, "p", ""));
    assertEquals(200, plan.status(), plan.toString());
    JsonNode total = plan.json().path("llm").path("total");
    assertEquals(12, total.path("requests").asLong(), plan.toString());
    assertEquals(240, total.path("max_output_tokens").asLong(), plan.toString());

    Api.Reply capped =
        api.admin("POST", "api/v1/runs", runBody(seed, provider, "capped", ",\"max_requests\":11"));
    assertEquals(422, capped.status(), capped.toString());
    assertTrue(capped.body().contains("over max_requests 11"), capped.toString());
    assertTrue(capped.body().contains("\"max_requests\""), capped.toString());
    assertEquals(before, stub.requests(), "a refused run sends nothing");

    JsonNode run =
        api.awaitFinished(
            start(runBody(seed, provider, "metered-" + seed, ",\"max_requests\":12")));
    assertEquals("success", run.path("status").asText(), run.toString());
    String metrics = api.call("GET", "metrics?scope=application", null, null, null, null).body();
    assertTrue(
        metrics
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("syngen_llm_requests_total{")
                        && l.contains("provider=\"" + provider + "\"")),
        metrics);
    assertTrue(metrics.contains("syngen_llm_tokens_total{"), metrics);
    assertTrue(metrics.contains("syngen_llm_cost_total{"), metrics);
    assertTrue(metrics.contains("syngen_llm_latency_seconds_bucket{"), "a histogram");
    assertKeyNowhere(metrics);
    assertKeyNowhere(plan.body());
  }

  @Test
  void anOfflineRunUsesOnlyTheCacheAndFailsOnAMissWithoutSending() {
    long seed = Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L);
    int before = stub.requests();

    JsonNode run =
        api.awaitFinished(
            start(runBody(seed, provider, "llm-off-" + seed, ",\"llm\":\"offline\"")));

    assertEquals("failed", run.path("status").asText(), run.toString());
    assertTrue(run.path("error").asText().contains("offline"), run.toString());
    assertEquals(before, stub.requests(), "offline sends nothing");
    JsonNode llm = api.viewer("GET", "api/v1/runs/" + run.path("id").asText(), null).json();
    assertEquals("offline", llm.path("llm").path("mode").asText(), llm.toString());
  }

  @Test
  void badLlmRequestsAreRefusedWithFieldAndFix() throws IOException {
    Api.Reply mode =
        api.admin("POST", "api/v1/runs", runBody(1, provider, "x", ",\"llm\":\"later\""));
    assertEquals(422, mode.status(), mode.toString());
    assertTrue(mode.body().contains("\"llm\""), mode.toString());
    assertTrue(mode.body().contains("use online"), mode.toString());

    Api.Reply unknown = api.admin("POST", "api/v1/runs", runBody(1, "nowhere", "x", ""));
    assertEquals(422, unknown.status(), unknown.toString());
    assertTrue(unknown.body().contains("no LLM provider 'nowhere'"), unknown.toString());
    assertTrue(unknown.body().contains("generator.params.provider"), unknown.toString());

    String unset = "it-unset-" + UUID.randomUUID().toString().substring(0, 8);
    Files.writeString(
        llmDir.resolve(unset + ".yaml"),
        "base_url: " + stub.baseUrl() + "\nmodel: m\napi_key_env: SYNGEN_IT_LLM_UNSET_KEY\n");
    try {
      Api.Reply noKey = api.admin("POST", "api/v1/runs", runBody(1, unset, "x", ""));
      assertEquals(422, noKey.status(), noKey.toString());
      assertTrue(
          noKey.body().contains("reads its API key from SYNGEN_IT_LLM_UNSET_KEY, which is not set"),
          noKey.toString());
      Api.Reply test = api.admin("POST", "api/v1/llm/providers/" + unset + "/test", null);
      assertEquals(409, test.status(), test.toString());
      assertTrue(test.body().contains("SYNGEN_IT_LLM_UNSET_KEY"), test.toString());
    } finally {
      Files.deleteIfExists(llmDir.resolve(unset + ".yaml"));
    }
  }

  @Test
  void providersAreListedWithoutKeysAndAnAdminCanTestOne() {
    Api.Reply list = api.viewer("GET", "api/v1/llm/providers", null);
    assertEquals(200, list.status(), list.toString());
    JsonNode mine = null;
    for (JsonNode p : list.json()) {
      if (provider.equals(p.path("id").asText())) {
        mine = p;
      }
    }
    assertNotNull(mine, list.toString());
    assertEquals("it-model", mine.path("model").asText());
    assertEquals("127.0.0.1", mine.path("base_url_host").asText());
    assertEquals("SYNGEN_IT_LLM_KEY", mine.path("api_key_env").asText());
    assertTrue(mine.path("api_key_set").asBoolean(), mine.toString());
    assertFalse(list.body().contains(stub.baseUrl()), "the base URL is shown as its host only");
    assertKeyNowhere(list);

    assertEquals(
        403, api.viewer("POST", "api/v1/llm/providers/" + provider + "/test", null).status());
    int before = stub.requests();
    Api.Reply test = api.admin("POST", "api/v1/llm/providers/" + provider + "/test", null);
    assertEquals(200, test.status(), test.toString());
    assertEquals("it-model", test.json().path("model").asText(), test.toString());
    assertTrue(test.json().path("latency_ms").asLong() >= 0, test.toString());
    assertEquals(before + 1, stub.requests(), "one tiny request");

    stub.failAlways(401);
    try {
      Api.Reply failed = api.admin("POST", "api/v1/llm/providers/" + provider + "/test", null);
      assertEquals(502, failed.status(), failed.toString());
      assertTrue(failed.body().contains("check the key"), failed.toString());
      assertKeyNowhere(failed);
    } finally {
      stub.failAlways(0);
    }
    assertEquals(404, api.admin("POST", "api/v1/llm/providers/nowhere/test", null).status());
  }

  private static String serverLog() {
    Path log =
        Path.of(System.getProperty("syngen.it.server.dir", "target")).resolve("logs/messages.log");
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + log, e);
    }
  }

  /** Sends one message on the WebSocket stream; the complete message after {@code records}. */
  private static JsonNode streamed(String message, int records) throws Exception {
    java.util.concurrent.LinkedBlockingQueue<JsonNode> messages =
        new java.util.concurrent.LinkedBlockingQueue<>();
    StringBuilder partial = new StringBuilder();
    java.net.http.WebSocket.Listener listener =
        new java.net.http.WebSocket.Listener() {
          @Override
          public java.util.concurrent.CompletionStage<?> onText(
              java.net.http.WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
              try {
                messages.add(Api.JSON.readTree(partial.toString()));
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
              partial.setLength(0);
            }
            ws.request(1);
            return null;
          }
        };
    java.net.URI http = ItServer.baseUrl();
    java.net.http.WebSocket ws =
        ItServer.CLIENT
            .newWebSocketBuilder()
            .buildAsync(
                java.net.URI.create(
                    "ws://" + http.getHost() + ":" + http.getPort() + "/api/v1/stream"),
                listener)
            .get(30, java.util.concurrent.TimeUnit.SECONDS);
    ws.sendText(message, true).get();
    int data = 0;
    JsonNode m;
    while ((m = messages.poll(60, java.util.concurrent.TimeUnit.SECONDS))
        .path("type")
        .asText()
        .equals("data")) {
      data++;
    }
    ws.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "done").get();
    assertEquals("complete", m.path("type").asText(), m.toString());
    assertEquals(records, data);
    return m;
  }

  private static void assertKeyNowhere(Api.Reply r) {
    assertKeyNowhere(r.status() + " " + r.body());
  }

  private static void assertKeyNowhere(String text) {
    assertFalse(text.contains(KEY), "the API key appears in: " + abbreviate(text));
  }

  private static String abbreviate(String s) {
    return s.length() > 400 ? s.substring(0, 400) + "…" : s;
  }
}
