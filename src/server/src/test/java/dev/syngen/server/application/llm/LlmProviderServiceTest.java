package dev.syngen.server.application.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.syngen.core.llm.LlmProvider;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a provider test shows of a provider and reads from its failures. */
class LlmProviderServiceTest {
  @Test
  void theStatusARoutedFailureQuotesPicksTheFix() {
    assertEquals(
        401,
        LlmProviderService.httpStatusIn(
            "no provider answered (openai: HTTP 401: {\"error\":\"bad key ***\"})"));
    assertEquals(
        0, LlmProviderService.httpStatusIn("no provider answered (x: connection refused)"));
    assertEquals(0, LlmProviderService.httpStatusIn(null));
  }

  @Test
  void onlyTheHostOfTheBaseUrlIsShown() {
    LlmProvider p =
        new LlmProvider(
            "p",
            "https://user:pw@api.example.com:8443/v1",
            "m",
            null,
            Duration.ofSeconds(1),
            1,
            0,
            0,
            0,
            0,
            0,
            1,
            Duration.ofSeconds(1));
    assertEquals("api.example.com", LlmProviderService.host(p));
  }
}
