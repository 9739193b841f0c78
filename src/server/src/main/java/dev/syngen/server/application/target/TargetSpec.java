package dev.syngen.server.application.target;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A target profile as its author wrote it, before {@code ${VAR}} references are expanded: what is
 * stored, and what a restarted or rerun run is opened from. May hold credentials.
 */
public record TargetSpec(
    String id, String name, String kind, String dsn, String schema, Map<String, String> options) {
  public TargetSpec {
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  /** The document form read by {@link dev.syngen.io.yaml.TargetFiles#map}. */
  public Map<String, Object> tree() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("name", name);
    m.put("kind", kind);
    m.put("dsn", dsn);
    if (schema != null) {
      m.put("schema", schema);
    }
    if (!options.isEmpty()) {
      m.put("options", new LinkedHashMap<>(options));
    }
    return m;
  }

  public TargetSpec withId(String newId) {
    return new TargetSpec(newId, name, kind, dsn, schema, options);
  }

  @Override
  public String toString() {
    return "TargetSpec[id=" + id + ", kind=" + kind + "]";
  }
}
