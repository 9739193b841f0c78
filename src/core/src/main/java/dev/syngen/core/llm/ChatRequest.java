package dev.syngen.core.llm;

/** One chat completion to ask for: a system message (may be empty) and one user message. */
public record ChatRequest(
    String model, String system, String prompt, int maxTokens, double temperature, long seed) {}
