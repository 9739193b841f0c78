package dev.syngen.core.llm;

/** Sends one chat completion to a provider (the port; an OpenAI-compatible client lives in io). */
public interface ChatTransport {
  /**
   * Sends {@code request} to {@code provider}, authenticated with {@code apiKey} (null for none).
   *
   * @throws ChatFailure when the provider does not answer with a usable completion
   */
  ChatAnswer send(LlmProvider provider, String apiKey, ChatRequest request);

  /**
   * Prepares what the first request to {@code provider} would otherwise set up while the run waits
   * (the HTTP client, its TLS defaults, the JSON codec), without sending anything. Called in the
   * background when a run binds a provider; failures are ignored (it only saves time).
   */
  default void warmUp(LlmProvider provider) {}
}
