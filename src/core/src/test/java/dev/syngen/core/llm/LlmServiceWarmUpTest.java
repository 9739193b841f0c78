package dev.syngen.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.syngen.core.generate.Params;
import dev.syngen.core.problem.Problems;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An online run warms each provider's transport up once, in the background, sending nothing. */
class LlmServiceWarmUpTest {
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
          0,
          0,
          0,
          5,
          Duration.ofSeconds(30));

  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger warmed = new AtomicInteger();
  private final CountDownLatch warmedOnce = new CountDownLatch(1);

  private final ChatTransport transport =
      new ChatTransport() {
        @Override
        public ChatAnswer send(LlmProvider provider, String apiKey, ChatRequest request) {
          sent.incrementAndGet();
          return new ChatAnswer("ok", "m", 1, 1);
        }

        @Override
        public void warmUp(LlmProvider provider) {
          warmed.incrementAndGet();
          warmedOnce.countDown();
        }
      };

  private LlmRoute route(LlmService service) {
    Problems problems = new Problems();
    LlmRoute r = service.route(List.of("p"), new Params(Map.of(), "params", problems), "provider");
    assertNotNull(r, problems.list().toString());
    return r;
  }

  @Test
  void anOnlineServiceWarmsAProviderUpOnceAndSendsNothing() throws InterruptedException {
    try (LlmService online =
        new LlmService(
            Map.of("p", PROVIDER), transport, LlmCache.NONE, n -> null, LlmService.Mode.ONLINE)) {
      route(online);
      route(online);

      assertEquals(true, warmedOnce.await(10, TimeUnit.SECONDS));
      assertEquals(1, warmed.get(), "one warm-up per provider");
      assertEquals(0, sent.get(), "warming up sends nothing");
    }
  }

  @Test
  void anOfflineServiceDoesNotWarmUp() {
    try (LlmService offline =
        new LlmService(
            Map.of("p", PROVIDER), transport, LlmCache.NONE, n -> null, LlmService.Mode.OFFLINE)) {
      route(offline);
    }
    assertEquals(0, warmed.get());
    assertEquals(0, sent.get());
  }
}
