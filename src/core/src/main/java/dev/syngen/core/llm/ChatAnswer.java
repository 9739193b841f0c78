package dev.syngen.core.llm;

/** The text a model answered, the model that answered it and the tokens it counted. */
public record ChatAnswer(String text, String model, long inputTokens, long outputTokens) {}
