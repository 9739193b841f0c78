package dev.syngen.cli;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.scenario.ValidationException;
import dev.syngen.core.traffic.Rate;
import dev.syngen.core.traffic.Traffic;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns {@code --duration} into a plan. With a records/s rate the streamed entity gets exactly
 * {@code rate × duration} rows; otherwise it gets as many rows as the plan allows and the engine
 * stops it when the time is up. Other entities keep their counts.
 */
final class Streaming {
  /** Open-ended counts to try, largest first: a 32-bit sequence column cannot take the first. */
  private static final long[] OPEN_ENDED = {
    PlanCompiler.MAX_ROWS, Integer.MAX_VALUE, Traffic.OPEN_ENDED_ROWS
  };

  private Streaming() {}

  static CompiledPlan plan(
      PlanCompiler compiler, Scenario scenario, RunOverrides overrides, TrafficOptions traffic) {
    CompiledPlan plan = compiler.compile(scenario, overrides);
    Duration d = traffic.duration();
    if (d == null) {
      return plan;
    }
    CompiledEntity streamed = traffic.streamed(plan);
    Rate rate = traffic.rate();
    // later compiles must use the same seed and as_of, which the first compile may have chosen
    RunOverrides fixed = overrides.withSeed(plan.seed()).withAsOf(plan.asOf());
    if (rate != null && rate.unit() == Rate.Unit.RECORDS) {
      long rows = Math.max(1, (long) Math.ceil(rate.perSecond() * d.toMillis() / 1000.0));
      return compiler.compile(scenario, withCount(fixed, streamed.name(), rows));
    }
    ValidationException last = null;
    for (long rows : OPEN_ENDED) {
      try {
        return compiler.compile(scenario, withCount(fixed, streamed.name(), rows));
      } catch (ValidationException e) {
        last = e;
      }
    }
    throw last;
  }

  private static RunOverrides withCount(RunOverrides o, String entity, long rows) {
    Map<String, Long> counts = new HashMap<>(o.entityCounts());
    counts.put(entity, rows);
    return new RunOverrides(
        o.seed(),
        o.asOf(),
        o.scale(),
        o.entityScales(),
        counts,
        o.includeEntities(),
        o.excludeEntities());
  }
}
