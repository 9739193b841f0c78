package dev.syngen.core.llm;

/** Sends one chat completion to a provider (the port; an OpenAI-compatible client lives in io). */
public interface ChatTransport {
  /**
   * Sends {@code request} to {@code provider}, authenticated with {@code apiKey} (null for none).
   *
   * @throws ChatFailure when the provider does not answer with a usable completion
   */
  ChatAnswer send(LlmProvider provider, String apiKey, ChatRequest request);
}
