package dev.syngen.core.scenario;

import java.util.Map;

/**
 * A named size of a scenario (dev, staging, perf) chosen at run time: a scale for every entity and
 * optional per-entity scales on top of it.
 */
public record ScaleBand(String name, double scale, Map<String, Double> entityScales) {
  public ScaleBand {
    entityScales = entityScales == null ? Map.of() : Map.copyOf(entityScales);
  }
}
