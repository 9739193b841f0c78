package dev.syngen.server.interfaces.view;

import dev.syngen.core.llm.LlmProvider;
import dev.syngen.server.application.llm.LlmProviderService;
import dev.syngen.server.application.llm.ProviderStatus;

/**
 * An LLM provider profile as the API shows it: the host of its base URL (not the URL), the model,
 * limits and prices, the NAME of the variable its key comes from and whether it is set — never the
 * key.
 */
public record LlmProviderView(
    String id,
    String model,
    String baseUrlHost,
    String apiKeyEnv,
    boolean apiKeySet,
    long timeoutSeconds,
    int maxConcurrency,
    double requestsPerSecond,
    double tokensPerMinute,
    int maxRetries,
    double priceInputPerMillion,
    double priceOutputPerMillion,
    int circuitFailures,
    long circuitOpenSeconds) {
  public static LlmProviderView of(ProviderStatus s) {
    LlmProvider p = s.provider();
    return new LlmProviderView(
        p.id(),
        p.model(),
        LlmProviderService.host(p),
        p.apiKeyEnv(),
        p.apiKeyEnv() == null || s.keySet(),
        p.timeout().toSeconds(),
        p.maxConcurrency(),
        p.requestsPerSecond(),
        p.tokensPerMinute(),
        p.maxRetries(),
        p.inputPricePerMillion(),
        p.outputPricePerMillion(),
        p.failureThreshold(),
        p.openFor().toSeconds());
  }
}
