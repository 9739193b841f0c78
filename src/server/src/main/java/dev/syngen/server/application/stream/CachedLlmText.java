package dev.syngen.server.application.stream;

import dev.syngen.core.llm.LlmReports;
import dev.syngen.core.llm.LlmService;
import dev.syngen.core.llm.LlmText;
import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.problem.Problems;
import java.util.Map;

/**
 * {@code llm_text} in {@code POST /generate} and the stream, which anyone may call: the columns
 * read the server's LLM cache only (an offline service sends nothing) and each miss is written by
 * the column's declared {@code fallback}. Checks a plan's columns before anything is streamed and
 * counts the values the cache and the fallbacks will write.
 */
public final class CachedLlmText {
  private CachedLlmText() {}

  /** Values the emitted entity's llm_text columns read from the cache, and the fallbacks write. */
  public record Sources(long cached, long fallback) {}

  /**
   * Checks every llm_text column bound to {@code llm} (a fallback declared; a per-row column at
   * most {@code perRowMaxCount} rows, whichever entity it belongs to) and counts the emitted
   * entity's values by source. Throws a ValidationException with every problem, naming the column
   * and the fix.
   */
  public static Sources check(CompiledPlan plan, LlmService llm, long perRowMaxCount) {
    if (llm.mode() != LlmService.Mode.OFFLINE) {
      throw new IllegalArgumentException("ad-hoc generation reads llm_text offline only");
    }
    Map<Long, LlmText> columns = llm.columns();
    Problems problems = new Problems();
    for (int e = 0; e < plan.entities().size(); e++) {
      CompiledEntity entity = plan.entities().get(e);
      for (int c = 0; c < entity.columns().size(); c++) {
        CompiledColumn column = entity.columns().get(c);
        LlmText text = columns.get(column.key());
        if (text == null) {
          continue;
        }
        String params = "entities[" + e + "].columns[" + c + "].generator.params";
        if (text.fallbackName() == null) {
          problems.add(
              params + ".fallback",
              "llm_text column '"
                  + entity.name()
                  + "."
                  + column.name()
                  + "' has no fallback; POST /generate and the stream answer llm_text from the"
                  + " server's cache only and need a generator for the values it lacks",
              "add fallback: faker_sentence (or another text generator) to the column, or start"
                  + " a run (POST /api/v1/runs) to ask a provider");
        }
      }
    }
    // every per-row column, emitted or not (a parent's cells are read through the child's rows)
    Map<Long, String> names = LlmReports.names(plan);
    columns.forEach(
        (key, text) -> {
          if ("per_row".equals(text.mode()) && text.rows() > perRowMaxCount) {
            problems.add(
                "count",
                "must be at most "
                    + perRowMaxCount
                    + " rows for the per_row llm_text column '"
                    + names.getOrDefault(key, "(nested)")
                    + "' (setting syngen.generate.llm-per-row-max-count), got "
                    + text.rows(),
                "ask for fewer records, use mode: pool, or start a run for bulk data");
          }
        });
    java.util.Set<Long> topLevel = new java.util.HashSet<>();
    plan.entities().forEach(en -> en.columns().forEach(col -> topLevel.add(col.key())));
    if (columns.entrySet().stream()
        .anyMatch(en -> !topLevel.contains(en.getKey()) && en.getValue().fallbackName() == null)) {
      problems.add(
          "scenario",
          "an llm_text generator nested in another generator has no fallback",
          "add fallback: faker_sentence to every llm_text generator");
    }
    problems.throwIfAny("request");
    long cached = 0;
    long all = 0;
    for (CompiledEntity entity : plan.entities()) {
      if (!entity.included()) {
        continue;
      }
      for (CompiledColumn column : entity.columns()) {
        LlmText text = columns.get(column.key());
        if (text != null) {
          cached += cachedRows(text, entity, column);
          all += text.rows();
        }
      }
    }
    return new Sources(cached, all - cached);
  }

  private static long cachedRows(LlmText text, CompiledEntity entity, CompiledColumn column) {
    try {
      return text.cachedRows();
    } catch (IllegalStateException e) {
      Problems problems = new Problems();
      problems.add(
          entity.name() + "." + column.name(),
          e.getMessage(),
          "raise max_pools, or use mode: per_row");
      problems.throwIfAny("request");
      throw e;
    }
  }
}
