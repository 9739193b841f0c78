package dev.syngen.core.sink;

import java.util.Map;

/**
 * A configured target: where rows go. {@code dsn} may hold credentials; show it only through {@link
 * Redactor}.
 */
public record TargetProfile(
    String id, String name, String kind, String dsn, String schema, Map<String, String> options) {
  public TargetProfile {
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  public String redactedDsn() {
    return Redactor.dsn(dsn);
  }

  public String option(String key, String dflt) {
    return options.getOrDefault(key, dflt);
  }

  @Override
  public String toString() {
    return "TargetProfile[id=" + id + ", kind=" + kind + ", dsn=" + redactedDsn() + "]";
  }
}
