package dev.syngen.io.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.generate.Params;
import dev.syngen.core.llm.ChatAnswer;
import dev.syngen.core.llm.ChatFailure;
import dev.syngen.core.llm.ChatRequest;
import dev.syngen.core.llm.LlmCache;
import dev.syngen.core.llm.LlmProvider;
import dev.syngen.core.llm.LlmProviders;
import dev.syngen.core.llm.LlmRoute;
import dev.syngen.core.llm.LlmService;
import dev.syngen.core.problem.Problems;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Providers, limits, retries, fallback and the circuit, against a real HTTP server (the stub). */
class LlmRoutingTest {
  static final String KEY = "sk-test-9f8e7d6c5b4a";

  @TempDir Path tmp;
  OpenAiStub primary;
  OpenAiStub fallback;

  @BeforeEach
  void start() throws Exception {
    primary = new OpenAiStub("primary");
    fallback = new OpenAiStub("fallback");
  }

  @AfterEach
  void stop() {
    primary.close();
    fallback.close();
  }

  static LlmProvider provider(String id, OpenAiStub stub, Map<String, Object> extra) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("base_url", stub.baseUrl());
    m.put("model", id + "-model");
    m.put("api_key_env", "TEST_LLM_KEY");
    m.put("timeout_seconds", 5);
    m.put("price_input_per_million", 1.0);
    m.put("price_output_per_million", 2.0);
    m.putAll(extra);
    Problems problems = new Problems();
    LlmProvider p = LlmProviders.parse(m, id, problems);
    problems.throwIfAny("provider " + id);
    return p;
  }

  private LlmRoute route(LlmService llm, String... ids) {
    Problems problems = new Problems();
    LlmRoute r = llm.route(List.of(ids), new Params(Map.of(), "p", problems), "provider");
    problems.throwIfAny("route");
    return r;
  }

  private LlmService service(LlmProvider... ps) {
    Map<String, LlmProvider> m = new LinkedHashMap<>();
    for (LlmProvider p : ps) {
      m.put(p.id(), p);
    }
    return new LlmService(
        m,
        new OpenAiChatTransport(),
        new FileLlmCache(tmp.resolve("cache")),
        n -> n.equals("TEST_LLM_KEY") ? KEY : null,
        LlmService.Mode.ONLINE);
  }

  private static ChatRequest ask(String prompt) {
    return new ChatRequest("ignored", "", prompt, 50, 0, 42);
  }

  @Test
  void answersInOpenAiShapeWithTokensModelAndBearerKey() {
    LlmRoute r = route(service(provider("primary", primary, Map.of())), "primary");
    LlmRoute.Routed a = r.ask(ask("hello"));
    assertEquals(OpenAiStub.answerFor("primary", "primary-model", "hello", 42), a.answer().text());
    assertEquals("primary-model", a.answer().model());
    assertEquals(11, a.answer().inputTokens());
    assertEquals(20, a.answer().outputTokens());
    assertEquals("Bearer " + KEY, primary.seen().get(0).authorization());
    assertEquals(42, primary.seen().get(0).body().path("seed").asLong());
    assertEquals(50, primary.seen().get(0).body().path("max_tokens").asInt());
    assertFalse(a.fallback());
  }

  @Test
  void a429WithRetryAfterPausesTheProviderThatLong() {
    primary.failNext(429, "1");
    LlmRoute r = route(service(provider("primary", primary, Map.of())), "primary");
    r.ask(ask("x"));
    List<OpenAiStub.Seen> seen = primary.seen();
    assertEquals(2, seen.size());
    long gapMillis = (seen.get(1).nanos() - seen.get(0).nanos()) / 1_000_000;
    assertTrue(gapMillis >= 950, "asked again after only " + gapMillis + " ms");
    assertTrue(gapMillis < 3_000, "waited " + gapMillis + " ms for a 1 s Retry-After");
  }

  @Test
  void failingPrimaryFallsBackAndItsCircuitOpens() {
    primary.failAlways(500);
    LlmService llm =
        service(
            provider(
                "primary",
                primary,
                Map.of("max_retries", 0, "circuit_failures", 2, "circuit_open_seconds", 60)),
            provider("fallback", fallback, Map.of()));
    LlmRoute r = route(llm, "primary", "fallback");
    for (int i = 0; i < 5; i++) {
      LlmRoute.Routed a = r.ask(ask("q" + i));
      assertTrue(a.fallback());
      assertEquals("fallback", a.provider().id());
      assertTrue(a.answer().text().startsWith("fallback says"), a.answer().text());
    }
    assertEquals(2, primary.requests(), "the open circuit must keep requests off the primary");
    assertEquals(5, fallback.requests());
  }

  @Test
  void transientFailuresAreRetriedWithinMaxRetries() {
    primary.failNext(500, null);
    primary.failNext(503, null);
    LlmRoute r = route(service(provider("primary", primary, Map.of("max_retries", 2))), "primary");
    assertTrue(r.ask(ask("x")).answer().text().startsWith("primary says"));
    assertEquals(3, primary.requests());
  }

  @Test
  void requestsPerSecondIsHonouredAtTheServer() {
    LlmRoute r =
        route(service(provider("primary", primary, Map.of("requests_per_second", 10))), "primary");
    for (int i = 0; i < 15; i++) {
      r.ask(ask("r" + i));
    }
    List<OpenAiStub.Seen> seen = primary.seen();
    long spanMillis = (seen.get(14).nanos() - seen.get(0).nanos()) / 1_000_000;
    // a burst of 10, then 5 more at 100 ms each
    assertTrue(spanMillis >= 450, "15 requests at 10/s took only " + spanMillis + " ms");
  }

  @Test
  void theKeyNeverAppearsInFailuresEvenWhenTheProviderQuotesIt() {
    primary.failAlways(401);
    LlmRoute r = route(service(provider("primary", primary, Map.of())), "primary");
    ChatFailure f = assertThrows(ChatFailure.class, () -> r.ask(ask("x")));
    assertTrue(f.getMessage().contains("HTTP 401"), f.getMessage());
    assertFalse(f.getMessage().contains(KEY), f.getMessage());
    assertEquals(1, primary.requests(), "a 401 is not retried");
  }

  @Test
  void aMissingKeyVariableOrUnknownProviderIsAProblemNamingTheFix() {
    LlmService llm =
        new LlmService(
            Map.of("primary", provider("primary", primary, Map.of())),
            new OpenAiChatTransport(),
            LlmCache.NONE,
            n -> null,
            LlmService.Mode.ONLINE);
    Problems problems = new Problems();
    assertNull(
        llm.route(List.of("primary", "nope"), new Params(Map.of(), "p", problems), "provider"));
    String all = problems.list().toString();
    assertTrue(all.contains("TEST_LLM_KEY, which is not set"), all);
    assertTrue(all.contains("no LLM provider 'nope'"), all);
    assertTrue(all.contains("p.provider"), all);
    assertEquals(0, primary.requests());
  }

  @Test
  void providerProfilesRefuseInlineKeysBadUrlsAndUnknownFields() {
    Problems problems = new Problems();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("base_url", "ftp://x");
    m.put("model", "m");
    m.put("api_key_env", "sk-live-abc");
    m.put("max_concurency", 3);
    assertNull(LlmProviders.parse(m, "x", problems));
    String all = problems.list().toString();
    assertTrue(all.contains("llm.base_url"), all);
    assertTrue(all.contains("llm.api_key_env"), all);
    assertTrue(all.contains("llm.max_concurency"), all);
  }

  @Test
  void theFileCacheKeepsTheFirstAnswerForAKey() {
    FileLlmCache cache = new FileLlmCache(tmp.resolve("c"));
    String key = "ab".repeat(32);
    assertTrue(cache.get(key).isEmpty());
    ChatAnswer first = new ChatAnswer("one", "m", 1, 2);
    assertEquals(first, cache.putIfAbsent(key, first));
    assertEquals(first, cache.putIfAbsent(key, new ChatAnswer("two", "m", 1, 2)));
    assertEquals(first, cache.get(key).orElseThrow());
    assertThrows(IllegalArgumentException.class, () -> cache.get("../../etc/passwd"));
  }

  @Test
  void aBudgetRefusesTheRequestThatWouldPassACapBeforeTheStubSeesIt() throws Exception {
    LlmService llm = service(provider("primary", primary, Map.of("max_retries", 2)));
    llm.budget(new dev.syngen.core.llm.LlmBudget(3, Double.POSITIVE_INFINITY));
    LlmRoute r = route(llm, "primary");
    primary.failNext(500, null); // a retry is a request too
    r.ask(ask("a"));
    r.ask(ask("b"));
    dev.syngen.core.llm.LlmCapReached capped =
        assertThrows(dev.syngen.core.llm.LlmCapReached.class, () -> r.ask(ask("c")));
    assertEquals("max_requests", capped.field());
    assertTrue(capped.getMessage().contains("max_requests 3 reached"), capped.getMessage());
    assertEquals(3, primary.requests(), "the stub never sees the request over the cap");

    // a cost cap: each request reserves its worst cost, 50 output tokens at 2 per million (100
    // millionths), and costs what the stub counts (10 in, 20 out: 50 millionths); a cap of 150
    // millionths lets two through (0 + 100, 50 + 100), not a third (100 + 100)
    LlmService costly = service(provider("primary", primary, Map.of()));
    costly.budget(new dev.syngen.core.llm.LlmBudget(Long.MAX_VALUE, 0.000150));
    LlmRoute c = route(costly, "primary");
    c.ask(ask("d"));
    c.ask(ask("e"));
    assertThrows(dev.syngen.core.llm.LlmCapReached.class, () -> c.ask(ask("f")));
    assertEquals(5, primary.requests());
    assertTrue(costly.budget().spent() <= 0.000150);
  }

  @Test
  void aStructuredRequestFallsBackToJsonObjectAndAWrongAnswerIsAFailureOfThatProvider() {
    primary.refuseJsonSchema(true);
    LlmService llm =
        service(
            provider("primary", primary, Map.of("max_retries", 0)),
            provider("fallback", fallback, Map.of()));
    LlmRoute r = route(llm, "primary", "fallback");
    ChatRequest structured =
        new ChatRequest("m", "", "rate it", 50, 0, 7, "{\"type\":\"object\"}", false);
    LlmRoute.Routed a = r.ask(structured, x -> null);
    assertFalse(a.fallback());
    assertEquals(
        "json_schema", primary.seen().get(0).body().path("response_format").path("type").asText());
    assertEquals(
        "json_object", primary.seen().get(1).body().path("response_format").path("type").asText());
    r.ask(structured, x -> null);
    assertEquals(3, primary.requests(), "json_object is remembered: no second refusal");

    primary.refuseJsonSchema(false);
    LlmRoute.Routed b =
        r.ask(structured, x -> x.text().contains("primary") ? "$.score is missing" : null);
    assertTrue(b.fallback(), "an answer that does not fit goes to the next provider");
  }
}
