package dev.syngen.server.interfaces.console;

/** One line of a scenario document as the console shows it, with the problem found there. */
public record YamlLine(int number, String text, String problem) {}
