package dev.syngen.core.plan;

import java.time.Instant;
import java.util.List;

/**
 * A validated, executable plan: entities in dependency order (parents first) with resolved counts,
 * the seed and as_of actually used, warnings, and the SHA-256 config hash that identifies the data
 * this plan produces.
 */
public record CompiledPlan(
    String scenarioId,
    String scenarioName,
    String scenarioVersion,
    long seed,
    Instant asOf,
    List<CompiledEntity> entities,
    List<String> warnings,
    String configHash) {
  public CompiledPlan {
    entities = List.copyOf(entities);
    warnings = List.copyOf(warnings);
  }

  /** The entities this run writes, in dependency order. */
  public List<CompiledEntity> included() {
    return entities.stream().filter(CompiledEntity::included).toList();
  }

  public long totalRows() {
    return included().stream().mapToLong(CompiledEntity::rows).sum();
  }
}
