package dev.syngen.io.indexgate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syngen.core.indexgate.PlanStats;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the JSON plans of PostgreSQL's {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)} and
 * MariaDB's {@code ANALYZE FORMAT=JSON} into {@link PlanStats}.
 */
final class PlanParsers {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> PG_SCANS =
      Map.of(
          "Seq Scan", "seq",
          "Index Scan", "index",
          "Index Only Scan", "index_only",
          "Bitmap Heap Scan", "bitmap");

  private PlanParsers() {}

  /** A PostgreSQL plan; {@code rows} is what the query returned. */
  static PlanStats postgres(String json, long rows) {
    JsonNode root = tree(json).path(0);
    JsonNode plan = root.path("Plan");
    Map<String, Integer> scans = new TreeMap<>();
    Set<String> indexes = new LinkedHashSet<>();
    int[] sorts = {0};
    walkPostgres(plan, scans, indexes, sorts);
    return new PlanStats(
        root.path("Planning Time").asDouble(),
        root.path("Execution Time").asDouble(),
        rows,
        sorts[0],
        scans,
        indexes.stream().toList(),
        plan.path("Shared Hit Blocks").asLong(),
        plan.path("Shared Read Blocks").asLong());
  }

  private static void walkPostgres(
      JsonNode node, Map<String, Integer> scans, Set<String> indexes, int[] sorts) {
    String type = node.path("Node Type").asText();
    if (type.equals("Sort") || type.equals("Incremental Sort")) {
      sorts[0]++;
    }
    String scan = PG_SCANS.get(type);
    if (scan != null) {
      scans.merge(scan, 1, Integer::sum);
    }
    if (node.has("Index Name")) {
      indexes.add(node.path("Index Name").asText());
    }
    for (JsonNode child : node.path("Plans")) {
      walkPostgres(child, scans, indexes, sorts);
    }
  }

  /** A MariaDB plan; {@code rows} is what the query returned. */
  static PlanStats mariadb(String json, long rows) {
    JsonNode root = tree(json);
    Map<String, Integer> scans = new TreeMap<>();
    Set<String> indexes = new LinkedHashSet<>();
    long[] totals = new long[3];
    walkMariaDb(root, scans, indexes, totals);
    long accessed = totals[1];
    long read = totals[2];
    return new PlanStats(
        root.path("query_optimization").path("r_total_time_ms").asDouble(),
        root.path("query_block").path("r_total_time_ms").asDouble(),
        rows,
        (int) totals[0],
        scans,
        indexes.stream().toList(),
        Math.max(0, accessed - read),
        read);
  }

  /** totals: filesorts, pages accessed, pages read. */
  private static void walkMariaDb(
      JsonNode node, Map<String, Integer> scans, Set<String> indexes, long[] totals) {
    if (node.isArray()) {
      node.forEach(n -> walkMariaDb(n, scans, indexes, totals));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    if (node.has("access_type") && node.has("table_name")) {
      String scan = mariaScan(node);
      if (scan != null) {
        scans.merge(scan, 1, Integer::sum);
      }
      if (node.hasNonNull("key")) {
        indexes.add(node.path("key").asText());
      }
      JsonNode engine = node.path("r_engine_stats");
      totals[1] += engine.path("pages_accessed").asLong();
      totals[2] += engine.path("pages_read_count").asLong();
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (f.getKey().equals("filesort")) {
        totals[0]++;
      }
      walkMariaDb(f.getValue(), scans, indexes, totals);
    }
  }

  private static String mariaScan(JsonNode table) {
    boolean covering = table.path("using_index").asBoolean(false);
    return switch (table.path("access_type").asText()) {
      case "ALL" -> "seq";
      case "index_merge" -> "bitmap";
      case "system", "const" -> null;
      default -> covering ? "index_only" : "index";
    };
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "the database returned a plan that is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
