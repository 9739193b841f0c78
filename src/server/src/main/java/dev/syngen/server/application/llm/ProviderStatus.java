package dev.syngen.server.application.llm;

import dev.syngen.core.llm.LlmProvider;

/** A provider profile and whether the variable its key comes from is set (never the key). */
public record ProviderStatus(LlmProvider provider, boolean keySet) {}
