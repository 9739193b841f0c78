package dev.syngen.server.infrastructure.health;

import java.time.Instant;

/**
 * One thing the server depends on, as last probed: the run-history database ({@code
 * history-database}), the messaging engine ({@code messaging-engine}) or what a target needs
 * ({@code target:<id>}). {@code endpoint} is a host:port list or a directory, never credentials;
 * {@code error} is null when it is up; {@code checkedAt} is when the probe ran.
 */
public record Dependency(
    String name,
    String kind,
    boolean up,
    String endpoint,
    long latencyMs,
    String error,
    Instant checkedAt) {
  /** Prefix of a target's dependency name. */
  public static final String TARGET_PREFIX = "target:";

  /** A dependency probed just now. */
  public Dependency(
      String name, String kind, boolean up, String endpoint, long latencyMs, String error) {
    this(name, kind, up, endpoint, latencyMs, error, Instant.now());
  }

  /** The target id of a {@code target:<id>} dependency, else the name. */
  public String targetId() {
    return name.startsWith(TARGET_PREFIX) ? name.substring(TARGET_PREFIX.length()) : name;
  }

  /** One line for a dashboard: where, how fast, and what went wrong. */
  public String detail() {
    String where = kind + " at " + endpoint + " (" + latencyMs + " ms)";
    return up ? where : where + ": " + error;
  }
}
