package dev.syngen.core.engine;

import dev.syngen.core.plan.Shard;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What is remembered about a run: enough to show it, audit it, and re-run it identically (same
 * seed, as_of and config hash). Target DSNs are stored redacted.
 */
public record RunRecord(
    String id,
    RunStatus status,
    String scenarioId,
    String scenarioName,
    String scenarioVersion,
    String scenarioSource,
    String targetId,
    String targetName,
    String targetKind,
    String targetDsn,
    long seed,
    Instant asOf,
    String configHash,
    String mode,
    int parallelism,
    Map<String, Object> overrides,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    List<EntityRun> entities,
    String error) {
  /** The override that names a shard run's shard ({@code 2/4}); absent for a whole run. */
  public static final String SHARD = "shard";

  public RunRecord {
    entities = entities == null ? List.of() : List.copyOf(entities);
    overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
  }

  public RunRecord withStatus(RunStatus s, Instant at, String err) {
    return new RunRecord(
        id,
        s,
        scenarioId,
        scenarioName,
        scenarioVersion,
        scenarioSource,
        targetId,
        targetName,
        targetKind,
        targetDsn,
        seed,
        asOf,
        configHash,
        mode,
        parallelism,
        overrides,
        createdAt,
        s == RunStatus.RUNNING ? at : startedAt,
        s == RunStatus.RUNNING || s == RunStatus.PENDING ? null : at,
        entities,
        err);
  }

  public RunRecord withEntities(List<EntityRun> e) {
    return new RunRecord(
        id,
        status,
        scenarioId,
        scenarioName,
        scenarioVersion,
        scenarioSource,
        targetId,
        targetName,
        targetKind,
        targetDsn,
        seed,
        asOf,
        configHash,
        mode,
        parallelism,
        overrides,
        createdAt,
        startedAt,
        finishedAt,
        e,
        error);
  }

  public long rowsWritten() {
    return entities.stream().mapToLong(EntityRun::rowsWritten).sum();
  }

  public long rowsPlanned() {
    return entities.stream().mapToLong(EntityRun::rowsPlanned).sum();
  }

  /** Which shard of its run this record is; {@link Shard#WHOLE} for an unsharded run. */
  public Shard shard() {
    Object label = overrides.get(SHARD);
    return label == null ? Shard.WHOLE : Shard.ofLabel(String.valueOf(label));
  }
}
