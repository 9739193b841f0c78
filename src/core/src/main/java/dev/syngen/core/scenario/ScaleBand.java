package dev.syngen.core.scenario;

import java.util.Map;

/**
 * A named size of a scenario (dev, staging, perf) chosen at run time: a scale for every entity,
 * optional per-entity scales on top of it, and optional absolute row counts per entity ({@code
 * entityRows}), which replace the scaled count of the entities they name.
 */
public record ScaleBand(
    String name, double scale, Map<String, Double> entityScales, Map<String, Long> entityRows) {
  public ScaleBand {
    entityScales = entityScales == null ? Map.of() : Map.copyOf(entityScales);
    entityRows = entityRows == null ? Map.of() : Map.copyOf(entityRows);
  }

  public ScaleBand(String name, double scale, Map<String, Double> entityScales) {
    this(name, scale, entityScales, Map.of());
  }
}
