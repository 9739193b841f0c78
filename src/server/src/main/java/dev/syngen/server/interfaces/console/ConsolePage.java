package dev.syngen.server.interfaces.console;

/** One entry of the console's sidebar: its key (element ids), its page file and its label. */
public record ConsolePage(String key, String file, String label) {}
