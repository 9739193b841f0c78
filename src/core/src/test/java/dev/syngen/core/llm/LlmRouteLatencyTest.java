package dev.syngen.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The latency a route reports is the answering request's, not the waits before it. */
class LlmRouteLatencyTest {
  private static final LlmProvider PROVIDER =
      new LlmProvider(
          "p",
          "http://127.0.0.1:1/v1",
          "m",
          null,
          Duration.ofSeconds(5),
          1,
          0,
          0,
          3,
          0,
          0,
          5,
          Duration.ofSeconds(30));

  @Test
  void aRetryAfterPauseIsNotCountedInTheAnswersLatency() {
    AtomicInteger calls = new AtomicInteger();
    ChatTransport transport =
        (p, k, r) -> {
          if (calls.getAndIncrement() == 0) {
            throw new ChatFailure(429, Duration.ofSeconds(1), "slow down");
          }
          return new ChatAnswer("ok", "m", 1, 1);
        };
    ProviderClient client =
        new ProviderClient(
            PROVIDER,
            transport,
            n -> null,
            System::currentTimeMillis,
            LlmBudget::unlimited,
            () -> LlmMeter.NONE);
    long start = System.nanoTime();

    LlmRoute.Routed routed =
        new LlmRoute(java.util.List.of(client)).ask(new ChatRequest("m", "", "hi", 5, 0, 0));

    long total = System.nanoTime() - start;
    assertEquals(2, calls.get(), "retried once after the pause");
    assertEquals("ok", routed.answer().text());
    assertTrue(total >= Duration.ofSeconds(1).toNanos(), "the route waited the Retry-After");
    assertTrue(
        routed.latencyNanos() < total - Duration.ofMillis(900).toNanos(),
        "latency " + routed.latencyNanos() + " ns counts the answering request only");
  }
}
