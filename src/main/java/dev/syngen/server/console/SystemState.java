package dev.syngen.server.console;

/**
 * What the dashboard shows about the server: whether the run database answers, how many runs are
 * queued and running, how many targets and scenarios there are.
 */
public record SystemState(
    boolean databaseUp,
    String databaseDetail,
    long queued,
    long running,
    int targets,
    int scenarios) {}
