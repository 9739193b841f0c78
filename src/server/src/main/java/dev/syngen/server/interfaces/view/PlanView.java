package dev.syngen.server.interfaces.view;

import dev.syngen.core.lifecycle.EventTimeMerge;
import dev.syngen.core.lifecycle.ExpectedEvents;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.server.application.run.PreparedRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a run would do: entity order and counts, seed, as_of, config hash, target, scale band and
 * traffic (under the keys a run records them with); for each lifecycle whose events the run writes,
 * the expected events per state; and the LLM estimate of its llm_text columns (requests, tokens and
 * cost at most, caps; null without such columns).
 */
public record PlanView(
    String scenarioId,
    long seed,
    String asOf,
    String configHash,
    long totalRows,
    List<PlannedEntity> entities,
    List<String> warnings,
    String targetId,
    String targetKind,
    String targetDsn,
    String mode,
    int parallelism,
    String band,
    Map<String, Object> traffic,
    List<ExpectedEvents> lifecycles,
    Map<String, Object> llm) {

  /** One entity in execution order. */
  public record PlannedEntity(int order, String entity, String table, long rows) {}

  public static PlanView of(PreparedRun run) {
    CompiledPlan plan = run.plan();
    List<PlannedEntity> entities = new ArrayList<>();
    int i = 1;
    for (CompiledEntity e : plan.included()) {
      entities.add(new PlannedEntity(i++, e.name(), e.table(), e.rows()));
    }
    return new PlanView(
        plan.scenarioId(),
        plan.seed(),
        plan.asOf().toString(),
        plan.configHash(),
        plan.totalRows(),
        entities,
        plan.warnings(),
        run.target().id(),
        run.target().kind(),
        run.target().redactedDsn(),
        run.mode().yamlName(),
        run.parallelism(),
        run.band(),
        run.traffic().asMap(),
        lifecycles(plan),
        run.llm().estimated());
  }

  /** Expected events per state of each lifecycle one of whose derived entities is written. */
  static List<ExpectedEvents> lifecycles(CompiledPlan plan) {
    List<ExpectedEvents> out = new ArrayList<>();
    for (CompiledEntity e : plan.entities()) {
      if (e.lifecycle() != null
          && plan.included().stream()
              .anyMatch(
                  d ->
                      d.allocation() != null
                          && d.allocation().parent().equals(e.name())
                          && EventTimeMerge.lifecycleOf(plan.entities(), d) != null)) {
        out.add(ExpectedEvents.of(e.lifecycle(), e.rows(), ExpectedEvents.DEFAULT_SAMPLE));
      }
    }
    return out;
  }
}
