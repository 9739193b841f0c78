package dev.syngen.core.llm;

import java.time.Duration;

/**
 * One OpenAI-compatible endpoint and model, with its limits and prices. The API key is not held
 * here: only the name of the environment variable that holds it, read when a request is sent.
 */
public record LlmProvider(
    String id,
    String baseUrl,
    String model,
    String apiKeyEnv,
    Duration timeout,
    int maxConcurrency,
    double requestsPerSecond,
    double tokensPerMinute,
    int maxRetries,
    double inputPricePerMillion,
    double outputPricePerMillion,
    int failureThreshold,
    Duration openFor) {

  /** The estimated cost of one answer, in the currency the prices are written in. */
  public double cost(long inputTokens, long outputTokens) {
    return (inputTokens * inputPricePerMillion + outputTokens * outputPricePerMillion) / 1e6;
  }
}
