package dev.syngen.io.clickhouse;

import dev.syngen.core.problem.Problems;
import java.util.Map;

/**
 * The options of a {@code clickhouse} target: {@code partition_by} and {@code ttl}, for every table
 * or per entity ({@code partition_by.orders}, {@code ttl.events}). They are ClickHouse expressions
 * passed through to {@code CREATE TABLE}; the server checks them when the table is created.
 */
record ClickHouseOptions(Map<String, String> options) {
  static final String PARTITION_BY = "partition_by";
  static final String TTL = "ttl";
  static final String NONE = "none";
  private static final int MAX_EXPRESSION = 500;

  static void validate(Map<String, String> options, Problems problems) {
    for (Map.Entry<String, String> o : options.entrySet()) {
      String key = o.getKey();
      String path = "options." + key;
      String name = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
      if (!name.equals(PARTITION_BY) && !name.equals(TTL)) {
        problems.add(
            path,
            "unknown option '" + key + "' for kind clickhouse",
            "remove it; the options are partition_by and ttl (optionally .<entity>)");
        continue;
      }
      String v = o.getValue();
      if (v == null || v.isBlank()) {
        problems.add(path, "is empty", "give a ClickHouse expression, e.g. toYYYYMM(created_at)");
      } else if (v.length() > MAX_EXPRESSION) {
        problems.add(path, "is longer than " + MAX_EXPRESSION + " characters", "shorten it");
      } else if (v.contains(";") || v.contains("--") || v.contains("/*")) {
        problems.add(
            path, "holds ';' or a comment", "give one expression, e.g. toYYYYMM(created_at)");
      }
    }
  }

  /**
   * The option for {@code entity}: its own {@code name.entity}, else the general one, else null.
   */
  String forEntity(String name, String entity) {
    String own = options.get(name + "." + entity);
    return own != null ? own.trim() : options.get(name) == null ? null : options.get(name).trim();
  }

  boolean anyTtl() {
    return options.keySet().stream().anyMatch(k -> k.equals(TTL) || k.startsWith(TTL + "."));
  }
}
