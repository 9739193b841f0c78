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
            "TOKENS IN",
            "TOKENS OUT",
            "COST",
            "P50",
            "P95"),
        rows);
  }

  private static List<String> row(String name, LlmUsage.Summary s) {
    return List.of(
        "  " + name,
        Output.count(s.requests()),
        Output.count(s.cacheHits()),
        Output.count(s.fallbacks()),
        Output.count(s.inputTokens()),
        Output.count(s.outputTokens()),
        String.format(Locale.ROOT, "%.4f", s.cost()),
        String.format(Locale.ROOT, "%.0f ms", s.p50Millis()),
        String.format(Locale.ROOT, "%.0f ms", s.p95Millis()));
  }
}
