package dev.syngen.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run's usage per column, per answering provider and in total. */
class LlmUsageTest {
  private static LlmProvider provider(String id, double in, double out) {
    return new LlmProvider(
        id,
        "http://127.0.0.1:1/v1",
        "m",
        null,
        Duration.ofSeconds(5),
        4,
        0,
        0,
        0,
        in,
        out,
        5,
        Duration.ofSeconds(30));
  }

  private static LlmRoute.Routed answer(LlmProvider p, long in, long out, boolean fallback) {
    return new LlmRoute.Routed(new ChatAnswer("t", "m", in, out), p, 2_000_000, fallback);
  }

  @Test
  void answersAreCountedByTheProviderThatGaveThemAndHitsOnlyInTotal() {
    LlmProvider primary = provider("primary", 1, 2);
    LlmProvider fallback = provider("fallback", 10, 20);
    LlmUsage usage = new LlmUsage();
    usage.column(1).answered(answer(primary, 100, 10, false));
    usage.column(2).answered(answer(primary, 50, 5, false));
    usage.column(2).answered(answer(fallback, 10, 1, true));
    usage.column(1).hit();

    Map<String, LlmUsage.Summary> byProvider = usage.byProvider();
    assertEquals(2, byProvider.size());
    assertEquals(2, byProvider.get("primary").requests());
    assertEquals(150, byProvider.get("primary").inputTokens());
    assertEquals(15, byProvider.get("primary").outputTokens());
    assertEquals((150 * 1 + 15 * 2) / 1e6, byProvider.get("primary").cost(), 1e-12);
    assertEquals(1, byProvider.get("fallback").fallbacks());
    assertEquals(0, byProvider.get("primary").cacheHits());
    LlmUsage.Summary total = usage.total();
    assertEquals(3, total.requests());
    assertEquals(1, total.cacheHits());
    assertEquals(160, total.inputTokens());
    assertEquals(2.0, total.p50Millis(), 1e-9);
  }

  @Test
  void aRunThatOnlyReadTheCacheHasNoProviders() {
    LlmUsage usage = new LlmUsage();
    usage.column(7).hit();
    assertEquals(Map.of(), usage.byProvider());
    assertEquals(1, usage.total().cacheHits());
  }
}
