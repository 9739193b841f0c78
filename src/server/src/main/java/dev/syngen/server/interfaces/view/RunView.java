package dev.syngen.server.interfaces.view;

import dev.syngen.core.consumer.ConsumerCheck;
import dev.syngen.core.engine.RunProgress;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.sink.Redactor;
import dev.syngen.server.application.batch.PartitionProgress;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A run as the API shows it: its record, per-entity stats and progress. */
@JsonbPropertyOrder({
  "id",
  "status",
  "scenarioId",
  "scenarioName",
  "scenarioVersion",
  "targetId",
  "targetName",
  "targetKind",
  "targetDsn",
  "seed",
  "asOf",
  "configHash",
  "mode",
  "parallelism",
  "Map<String",
  "overrides",
  "createdAt",
  "startedAt",
  "finishedAt",
  "error",
  "entities",
  "progressRowsGenerated",
  "progressRowsTotal",
  "progressEntitiesDone",
  "progressEntitiesTotal",
  "progressCurrentEntity",
  "rowsPerSecond",
  "etaSeconds",
  "consumerChecks",
  "llm",
  "partitions"
})
public record RunView(
    String id,
    String status,
    String scenarioId,
    String scenarioName,
    String scenarioVersion,
    String targetId,
    String targetName,
    String targetKind,
    String targetDsn,
    long seed,
    String asOf,
    String configHash,
    String mode,
    int parallelism,
    Map<String, Object> overrides,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    String error,
    List<EntityView> entities,
    long progressRowsGenerated,
    long progressRowsTotal,
    int progressEntitiesDone,
    int progressEntitiesTotal,
    String progressCurrentEntity,
    Double rowsPerSecond,
    Long etaSeconds,
    List<ConsumerCheckView> consumerChecks,
    LlmUsageView llm,
    List<PartitionView> partitions) {

  /** A run as the run list shows it: without the consumer's checks, LLM usage and partitions. */
  public static RunView of(RunRecord r, Instant now) {
    return of(r, now, null, null, null);
  }

  /**
   * A run as {@code GET /runs/{id}} and the console's run page show it: with the example consumer's
   * checks, what its llm_text columns asked and cost ({@code llm} null: it has none) and where a
   * batch run's partitions stand and ran (null or empty: none).
   */
  public static RunView of(
      RunRecord r,
      Instant now,
      List<ConsumerCheck> checks,
      LlmUsageView llm,
      List<PartitionProgress> partitions) {
    RunProgress p = RunProgress.of(r, now);
    return new RunView(
        r.id(),
        r.status().label(),
        r.scenarioId(),
        r.scenarioName(),
        r.scenarioVersion(),
        r.targetId(),
        r.targetName(),
        r.targetKind(),
        Redactor.dsn(r.targetDsn()),
        r.seed(),
        r.asOf() == null ? null : r.asOf().toString(),
        r.configHash(),
        r.mode(),
        r.parallelism(),
        r.overrides(),
        r.createdAt(),
        r.startedAt(),
        r.finishedAt(),
        Redactor.text(r.error()),
        r.entities().stream().map(EntityView::of).toList(),
        p.rowsGenerated(),
        p.rowsTotal(),
        p.entitiesDone(),
        p.entitiesTotal(),
        p.currentEntity(),
        p.rowsPerSecond(),
        p.etaSeconds(),
        checks == null ? null : checks.stream().map(ConsumerCheckView::of).toList(),
        llm,
        partitions == null || partitions.isEmpty()
            ? null
            : partitions.stream().map(PartitionView::of).toList());
  }
}
