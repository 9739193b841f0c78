package dev.syngen.core.plan;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a run request may change about a scenario. Any field may be null or empty. Row counts
 * resolve as: scenario rows, times {@code scale}, times the entity's scale, replaced by an explicit
 * count; the result is {@code max(1, round(rows × scale))}.
 */
public record RunOverrides(
    Long seed,
    Instant asOf,
    Double scale,
    Map<String, Double> entityScales,
    Map<String, Long> entityCounts,
    List<String> includeEntities,
    List<String> excludeEntities) {

  public static final RunOverrides NONE =
      new RunOverrides(null, null, null, null, null, null, null);

  public RunOverrides {
    entityScales = entityScales == null ? Map.of() : Map.copyOf(entityScales);
    entityCounts = entityCounts == null ? Map.of() : Map.copyOf(entityCounts);
    includeEntities = includeEntities == null ? List.of() : List.copyOf(includeEntities);
    excludeEntities = excludeEntities == null ? List.of() : List.copyOf(excludeEntities);
  }

  public RunOverrides withSeed(Long s) {
    return new RunOverrides(
        s, asOf, scale, entityScales, entityCounts, includeEntities, excludeEntities);
  }

  public RunOverrides withAsOf(Instant a) {
    return new RunOverrides(
        seed, a, scale, entityScales, entityCounts, includeEntities, excludeEntities);
  }
}
