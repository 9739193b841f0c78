package dev.syngen.server.application.llm;

import dev.syngen.core.llm.LlmRoute;
import dev.syngen.core.llm.LlmService;
import dev.syngen.server.infrastructure.llm.LlmCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The server's one direct call to an LLM provider, {@code POST /llm/providers/{id}/test}, under
 * MicroProfile Fault Tolerance: a deadline (the provider's own retries and Retry-After waits
 * included) and at most 2 tests at once, so an admin clicking "test" cannot tie up the server's
 * request threads. No retry (the caller wants the answer now) and no circuit breaker: an admin who
 * has just fixed a key must be able to test again at once. Values are defaults that MicroProfile
 * Config overrides, e.g. {@code
 * dev.syngen.server.application.llm.ProviderProbe/probe/Timeout/value} (docs/configuration.md).
 * Runs do not come here: their requests go through core's plain-Java limits and circuit breaker,
 * the same as the command line's.
 */
@ApplicationScoped
public class ProviderProbe {
  @Inject LlmCatalog catalog;

  /** One tiny request past the cache; IllegalArgumentException for unknown id or unset key. */
  @Timeout(value = 20, unit = ChronoUnit.SECONDS)
  @Bulkhead(2)
  public LlmRoute.Routed probe(String id) {
    try (LlmService llm = catalog.service(LlmService.Mode.ONLINE)) {
      return llm.probe(id);
    }
  }
}
