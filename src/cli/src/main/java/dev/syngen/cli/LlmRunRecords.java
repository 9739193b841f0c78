package dev.syngen.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.syngen.core.llm.LlmReports;
import dev.syngen.core.llm.LlmService;
import dev.syngen.core.llm.LlmText;
import dev.syngen.core.llm.LlmUsage;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.io.history.FileRunRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The LLM part of a command-line run record: what the run's llm_text columns asked and cost (mode,
 * caps, totals, each column with its mode and declared fallback generator, each provider that
 * answered), kept beside the run record as {@code <history>/llm/<run-id>.json} and shown by {@code
 * run show}. No key, URL or prompt is written.
 */
final class LlmRunRecords {
  private LlmRunRecords() {}

  /** The record of a run that used {@code llm}; empty when no column uses llm_text. */
  static Optional<Map<String, Object>> of(CompiledPlan plan, LlmService llm) {
    Map<Long, LlmText> columns = llm.columns();
    if (columns.isEmpty()) {
      return Optional.empty();
    }
    Map<Long, String> names = names(plan);
    LlmUsage usage = llm.usage();
    Map<Long, LlmUsage.Summary> byColumn = usage.byColumn();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", llm.mode().name().toLowerCase(java.util.Locale.ROOT));
    m.put("caps", LlmReports.caps(llm.budget()));
    m.put("total", counts(usage.total()));
    Map<String, Object> cols = new LinkedHashMap<>();
    columns.forEach(
        (k, c) -> {
          Map<String, Object> col = new LinkedHashMap<>();
          col.put("mode", c.mode());
          col.put("providers", c.providers());
          col.put("fallback", c.fallbackName());
          LlmUsage.Summary s = byColumn.get(k);
          if (s != null) {
            col.putAll(counts(s));
          }
          cols.put(names.getOrDefault(k, "(nested)"), col);
        });
    m.put("columns", cols);
    Map<String, Object> providers = new LinkedHashMap<>();
    usage.byProvider().forEach((id, s) -> providers.put(id, counts(s)));
    m.put("providers", providers);
    return Optional.of(m);
  }

  /** The plan's LLM estimate as printed and recorded by {@code run start --plan}. */
  static Map<String, Object> estimate(CompiledPlan plan, LlmService llm) {
    return LlmReports.estimate(plan, llm);
  }

  static Map<String, Object> counts(LlmUsage.Summary s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requests", s.requests());
    m.put("cache_hits", s.cacheHits());
    m.put("fallbacks", s.fallbacks());
    m.put("fallback_values", s.fallbackValues());
    m.put("input_tokens", s.inputTokens());
    m.put("output_tokens", s.outputTokens());
    m.put("cost", s.cost());
    m.put("p50_millis", s.p50Millis());
    m.put("p95_millis", s.p95Millis());
    m.put("p99_millis", s.p99Millis());
    return m;
  }

  static Map<Long, String> names(CompiledPlan plan) {
    return LlmReports.names(plan);
  }

  static void save(Path historyDir, String runId, Map<String, Object> record) {
    Path f = file(historyDir, runId);
    try {
      Files.createDirectories(f.getParent());
      Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
      FileRunRepository.mapper().writeValue(tmp.toFile(), record);
      Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException("cannot save the LLM usage of run " + runId + ": " + e, e);
    }
  }

  static Optional<Map<String, Object>> find(Path historyDir, String runId) {
    Path f = file(historyDir, runId);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          FileRunRepository.mapper().readValue(f.toFile(), new TypeReference<>() {}));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + f + ": " + e.getMessage(), e);
    }
  }

  private static Path file(Path historyDir, String runId) {
    if (!runId.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("'" + runId + "' is not a run id");
    }
    return historyDir.resolve("llm").resolve(runId + ".json");
  }
}
