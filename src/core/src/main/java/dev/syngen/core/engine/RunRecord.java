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
    List<EntityProgress> entities,
    String error) {
  /** The override that names a shard run's shard ({@code 2/4}); absent for a whole run. */
  public static final String SHARD = "shard";

  public RunRecord {
    entities = entities == null ? List.of() : List.copyOf(entities);
    overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
  }

  /** The record in status {@code s} since {@code at}: started when running, finished when over. */
  public RunRecord withStatus(RunStatus s, Instant at, String err) {
    return progressed(
        s,
        s == RunStatus.RUNNING ? at : startedAt,
        s == RunStatus.RUNNING || s == RunStatus.PENDING ? null : at,
        entities,
        err);
  }

  /** The record with its entities' progress {@code e}. */
  public RunRecord withEntities(List<EntityProgress> e) {
    return progressed(status, startedAt, finishedAt, e, error);
  }

  /** The one copy: what changes as a run progresses, everything else kept. */
  private RunRecord progressed(
      RunStatus s, Instant started, Instant finished, List<EntityProgress> e, String err) {
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
        started,
        finished,
        e,
        err);
  }

  public long rowsWritten() {
    return entities.stream().mapToLong(EntityProgress::rowsWritten).sum();
  }

  public long rowsPlanned() {
    return entities.stream().mapToLong(EntityProgress::rowsPlanned).sum();
  }

  /** Which shard of its run this record is; {@link Shard#WHOLE} for an unsharded run. */
  public Shard shard() {
    Object label = overrides.get(SHARD);
    return label == null ? Shard.WHOLE : Shard.ofLabel(String.valueOf(label));
  }
}
