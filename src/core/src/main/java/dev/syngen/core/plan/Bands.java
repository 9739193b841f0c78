package dev.syngen.core.plan;

import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.scenario.ScaleBand;
import dev.syngen.core.scenario.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a scenario's named scale band (dev, staging, perf) to a run's overrides: the band's scale
 * and entity scales multiply whatever the run asks for on top. The band's absolute row counts
 * become entity counts, times the run's own scale; counts the run sets explicitly win.
 */
public final class Bands {
  private Bands() {}

  /** {@code overrides} with band {@code name} applied; null name leaves them unchanged. */
  public static RunOverrides apply(Scenario s, String name, RunOverrides overrides) {
    if (name == null) {
      return overrides;
    }
    ScaleBand band = s.band(name);
    if (band == null) {
      throw new ValidationException(
          "band '" + name + "'",
          List.of(
              new Problem(
                  "band",
                  "scenario '" + s.id() + "' has no band '" + name + "'",
                  s.bands().isEmpty()
                      ? "this scenario declares no bands; use --scale instead"
                      : "use one of: "
                          + String.join(", ", s.bands().stream().map(ScaleBand::name).toList()))));
    }
    double scale = band.scale() * (overrides.scale() == null ? 1.0 : overrides.scale());
    Map<String, Double> entityScales = new LinkedHashMap<>(band.entityScales());
    overrides.entityScales().forEach((e, f) -> entityScales.merge(e, f, (a, b) -> a * b));
    double runScale = overrides.scale() == null ? 1.0 : overrides.scale();
    Map<String, Long> entityCounts = new LinkedHashMap<>();
    band.entityRows()
        .forEach((e, n) -> entityCounts.put(e, Math.max(1L, Math.round(n * runScale))));
    entityCounts.putAll(overrides.entityCounts());
    return new RunOverrides(
        overrides.seed(),
        overrides.asOf(),
        scale,
        entityScales,
        entityCounts,
        overrides.includeEntities(),
        overrides.excludeEntities());
  }
}
