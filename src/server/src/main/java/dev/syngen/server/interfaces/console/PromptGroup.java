package dev.syngen.server.interfaces.console;

import java.util.List;

/** The prompts of one group, as the dashboard lists them. */
public record PromptGroup(String name, List<Prompt> prompts) {}
