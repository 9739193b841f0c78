package dev.syngen.server.infrastructure.persistence;

import dev.syngen.core.engine.EntityProgress;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Copies run records into entities and back; the entity's server-only columns are left alone. */
final class RunMapping {
  private final JsonColumns json;

  RunMapping(JsonColumns json) {
    this.json = json;
  }

  void copy(RunRecord r, RunRecordEntity e) {
    e.id = r.id();
    e.status = r.status().label();
    e.scenarioId = r.scenarioId();
    e.scenarioName = r.scenarioName();
    e.scenarioVersion = r.scenarioVersion();
    e.scenarioSource = r.scenarioSource();
    e.targetId = r.targetId();
    e.targetName = r.targetName();
    e.targetKind = r.targetKind();
    e.targetDsn = r.targetDsn();
    e.seed = r.seed();
    e.asOf = r.asOf() == null ? null : r.asOf().toString();
    e.configHash = r.configHash();
    e.mode = r.mode();
    e.parallelism = r.parallelism();
    e.overridesJson = json.write(r.overrides());
    e.createdAt = r.createdAt();
    e.startedAt = r.startedAt();
    e.finishedAt = r.finishedAt();
    e.error = r.error();
    copyEntities(r.entities(), e);
  }

  private static void copyEntities(List<EntityProgress> runs, RunRecordEntity e) {
    while (e.entities.size() > runs.size()) {
      e.entities.remove(e.entities.size() - 1);
    }
    for (int i = 0; i < runs.size(); i++) {
      EntityProgressEntity s;
      if (i < e.entities.size()) {
        s = e.entities.get(i);
      } else {
        s = new EntityProgressEntity();
        s.run = e;
        e.entities.add(s);
      }
      EntityProgress r = runs.get(i);
      s.position = i;
      s.entity = r.entity();
      s.table = r.table();
      s.rowsPlanned = r.rowsPlanned();
      s.rowsWritten = r.rowsWritten();
      s.durationMillis = r.durationMillis();
    }
  }

  RunRecord record(RunRecordEntity e) {
    List<EntityProgress> entities = new ArrayList<>();
    List<EntityProgressEntity> rows = new ArrayList<>(e.entities);
    rows.sort(Comparator.comparingInt(s -> s.position));
    for (EntityProgressEntity s : rows) {
      entities.add(
          new EntityProgress(s.entity, s.table, s.rowsPlanned, s.rowsWritten, s.durationMillis));
    }
    return new RunRecord(
        e.id,
        RunStatus.parse(e.status),
        e.scenarioId,
        e.scenarioName,
        e.scenarioVersion,
        e.scenarioSource,
        e.targetId,
        e.targetName,
        e.targetKind,
        e.targetDsn,
        e.seed,
        e.asOf == null ? null : Instant.parse(e.asOf),
        e.configHash,
        e.mode,
        e.parallelism,
        json.readMap(e.overridesJson),
        e.createdAt,
        e.startedAt,
        e.finishedAt,
        entities,
        e.error);
  }
}
