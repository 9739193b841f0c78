package dev.syngen.core.plan;

import dev.syngen.core.scenario.Scenario;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependency level of every entity a plan writes: 0 for an entity without parents in the run,
 * else one more than its deepest included parent. Entities of one level may be written at the same
 * time; a level starts when the one before it is complete.
 */
public final class DependencyLevels {
  private DependencyLevels() {}

  /** Levels keyed by entity name, for the plan compiled from {@code scenario}. */
  public static Map<String, Integer> of(Scenario scenario, CompiledPlan plan) {
    Map<String, Set<String>> parents = PlanCompiler.parents(scenario);
    List<CompiledEntity> included = plan.included();
    Map<String, Integer> levels = new HashMap<>();
    // included() is in dependency order, parents first, so every parent has its level already.
    for (CompiledEntity e : included) {
      int level = 0;
      for (String p : parents.getOrDefault(e.name(), Set.of())) {
        Integer parent = levels.get(p);
        if (parent != null && !p.equals(e.name())) {
          level = Math.max(level, parent + 1);
        }
      }
      levels.put(e.name(), level);
    }
    return levels;
  }
}
