package dev.syngen.cli;

import dev.syngen.core.llm.LlmUsage;
import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints what a run's llm_text columns asked and cost, per column and in total. */
final class LlmUsageTable {
  private LlmUsageTable() {}

  static void print(PrintWriter out, CompiledPlan plan, LlmUsage usage) {
    Map<Long, LlmUsage.Summary> byKey = usage.byColumn();
    if (byKey.isEmpty()) {
      return;
    }
    Map<Long, String> names = new HashMap<>();
    for (CompiledEntity e : plan.entities()) {
      for (CompiledColumn c : e.columns()) {
        names.put(c.key(), e.name() + "." + c.name());
      }
    }
    List<List<String>> rows = new ArrayList<>();
    byKey.forEach((k, s) -> rows.add(row(names.getOrDefault(k, "(nested)"), s)));
    rows.add(row("total", usage.total()));
    out.println();
    out.println("LLM usage");
    Output.table(
        out,
        List.of(
            "  COLUMN",
            "REQUESTS",
            "CACHE HITS",
            "FALLBACKS",
            "FALLBACK VALUES",
            "TOKENS IN",
            "TOKENS OUT",
            "COST",
            "P50",
            "P95",
            "P99"),
        rows);
  }

  private static List<String> row(String name, LlmUsage.Summary s) {
    return List.of(
        "  " + name,
        Output.count(s.requests()),
        Output.count(s.cacheHits()),
        Output.count(s.fallbacks()),
        Output.count(s.fallbackValues()),
        Output.count(s.inputTokens()),
        Output.count(s.outputTokens()),
        String.format(Locale.ROOT, "%.4f", s.cost()),
        String.format(Locale.ROOT, "%.0f ms", s.p50Millis()),
        String.format(Locale.ROOT, "%.0f ms", s.p95Millis()),
        String.format(Locale.ROOT, "%.0f ms", s.p99Millis()));
  }

  /** The plan's LLM estimate: per column and in total, with the run's caps. */
  @SuppressWarnings("unchecked")
  static void printEstimate(PrintWriter out, Map<String, Object> estimate) {
    List<List<String>> rows = new ArrayList<>();
    Map<String, Object> cols = (Map<String, Object>) estimate.get("columns");
    cols.forEach((name, e) -> rows.add(estimateRow(name, (Map<String, Object>) e)));
    rows.add(estimateRow("total", (Map<String, Object>) estimate.get("total")));
    out.println();
    out.println("LLM estimate (before anything is sent; tokens out and cost are at most)");
    Output.table(
        out,
        List.of("  COLUMN", "MODE", "REQUESTS", "CACHED", "TOKENS IN", "TOKENS OUT", "COST"),
        rows);
    Map<String, Object> caps = (Map<String, Object>) estimate.get("caps");
    if (!caps.isEmpty()) {
      out.println("  caps: " + caps);
    }
  }

  private static List<String> estimateRow(String name, Map<String, Object> e) {
    boolean exact = Boolean.TRUE.equals(e.get("exact"));
    String approx = exact ? "" : "~";
    return List.of(
        "  " + name,
        String.valueOf(e.get("mode")),
        approx + Output.count(((Number) e.get("requests")).longValue()),
        approx + Output.count(((Number) e.get("cached_requests")).longValue()),
        approx + Output.count(((Number) e.get("input_tokens")).longValue()),
        approx + Output.count(((Number) e.get("max_output_tokens")).longValue()),
        String.format(Locale.ROOT, "%s%.4f", approx, ((Number) e.get("max_cost")).doubleValue()));
  }

  /** The LLM usage recorded with a run, as {@code run show} prints it. */
  @SuppressWarnings("unchecked")
  static void printRecord(PrintWriter out, Map<String, Object> record) {
    out.println("  llm         " + record.get("mode") + caps(record));
    List<List<String>> rows = new ArrayList<>();
    Map<String, Object> cols = (Map<String, Object>) record.get("columns");
    cols.forEach(
        (name, c) -> {
          Map<String, Object> m = (Map<String, Object>) c;
          rows.add(
              recordRow(
                  name
                      + " ("
                      + m.get("mode")
                      + (m.get("fallback") == null ? "" : ", fallback " + m.get("fallback"))
                      + ")",
                  m));
        });
    rows.add(recordRow("total", (Map<String, Object>) record.get("total")));
    Output.table(
        out,
        List.of(
            "  COLUMN",
            "REQUESTS",
            "CACHE HITS",
            "FALLBACKS",
            "FALLBACK VALUES",
            "TOKENS IN",
            "TOKENS OUT",
            "COST"),
        rows);
  }

  @SuppressWarnings("unchecked")
  private static String caps(Map<String, Object> record) {
    Map<String, Object> caps = (Map<String, Object>) record.get("caps");
    return caps == null || caps.isEmpty() ? "" : "  caps " + caps;
  }

  private static List<String> recordRow(String name, Map<String, Object> m) {
    return List.of(
        "  " + name,
        num(m, "requests"),
        num(m, "cache_hits"),
        num(m, "fallbacks"),
        num(m, "fallback_values"),
        num(m, "input_tokens"),
        num(m, "output_tokens"),
        m.get("cost") == null
            ? "0"
            : String.format(Locale.ROOT, "%.4f", ((Number) m.get("cost")).doubleValue()));
  }

  private static String num(Map<String, Object> m, String k) {
    return m.get(k) instanceof Number n ? Output.count(n.longValue()) : "0";
  }
}
