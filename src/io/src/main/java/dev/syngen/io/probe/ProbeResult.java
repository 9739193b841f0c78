package dev.syngen.io.probe;

/**
 * What a probe found: whether the dependency answered, where it looked ({@code endpoint}: host:port
 * list or directory, never credentials), how long it took, and why it failed (null when up).
 */
public record ProbeResult(boolean up, String endpoint, long latencyMs, String error) {}
