package dev.syngen.server.infrastructure.health;

/**
 * One thing the server depends on, as last probed: the run-history database ({@code
 * history-database}) or what a target needs ({@code target:<id>}). {@code endpoint} is a host:port
 * list or a directory, never credentials; {@code error} is null when it is up.
 */
public record Dependency(
    String name, String kind, boolean up, String endpoint, long latencyMs, String error) {

  /** One line for a dashboard: where, how fast, and what went wrong. */
  public String detail() {
    String where = kind + " at " + endpoint + " (" + latencyMs + " ms)";
    return up ? where : where + ": " + error;
  }
}
