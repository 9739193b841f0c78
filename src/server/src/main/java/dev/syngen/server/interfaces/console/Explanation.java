package dev.syngen.server.interfaces.console;

/** A run's error in plain words with its likely fix. */
public record Explanation(String cause, String fix) {}
