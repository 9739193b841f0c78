package dev.syngen.core.llm;

/**
 * One chat completion to ask for: a system message (may be empty) and one user message. {@code
 * jsonSchema} (JSON text, or null for free text) asks for a structured answer through {@code
 * response_format}; {@code jsonObject} says the provider is sent the looser {@code json_object}
 * format instead, for servers without {@code json_schema} (the answer is validated either way).
 */
public record ChatRequest(
    String model,
    String system,
    String prompt,
    int maxTokens,
    double temperature,
    long seed,
    String jsonSchema,
    boolean jsonObject) {

  /** A free-text request. */
  public ChatRequest(
      String model, String system, String prompt, int maxTokens, double temperature, long seed) {
    this(model, system, prompt, maxTokens, temperature, seed, null, false);
  }

  /** The same request for another model (a fallback provider's). */
  ChatRequest withModel(String m) {
    return new ChatRequest(m, system, prompt, maxTokens, temperature, seed, jsonSchema, jsonObject);
  }

  /** The same request in the looser json_object format. */
  ChatRequest asJsonObject() {
    return new ChatRequest(model, system, prompt, maxTokens, temperature, seed, jsonSchema, true);
  }
}
