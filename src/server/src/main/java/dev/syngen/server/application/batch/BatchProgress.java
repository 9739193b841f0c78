package dev.syngen.server.application.batch;

import dev.syngen.core.engine.EntityProgress;
import dev.syngen.core.engine.EntityStats;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.plan.CompiledEntity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A batch run's record kept current from its partitions, which write concurrently: an entity's rows
 * are the sum of its partitions' rows. Saved at most once a second and whenever an entity
 * completes; entity milestones go to the run log like an executor run's.
 */
public final class BatchProgress {
  private static final long SAVE_INTERVAL_NANOS = 1_000_000_000L;

  private final Map<String, Long> rowsByPartition = new HashMap<>();
  private final Map<String, Long> bytesByPartition = new HashMap<>();
  private final Map<String, Long> startedNanos = new HashMap<>();
  private final Map<String, Long> finishedMillis = new HashMap<>();
  private final Set<String> finished = new HashSet<>();
  private final List<EntityProgress> initial;
  private final RunListener log;
  private final Consumer<RunRecord> save;
  private RunRecord record;
  private long lastSave = System.nanoTime();

  BatchProgress(
      RunRecord record, List<PartitionProgress> saved, RunListener log, Consumer<RunRecord> save) {
    this.record = record;
    this.initial = record.entities();
    this.log = log;
    this.save = save;
    for (PartitionProgress p : saved) {
      rowsByPartition.put(key(p.entity(), p.firstRow()), p.nextRow() - p.firstRow());
      bytesByPartition.put(key(p.entity(), p.firstRow()), p.bytes());
    }
    for (EntityProgress e : record.entities()) {
      if (e.rowsPlanned() > 0 && rowsOf(e.entity()) >= e.rowsPlanned()) {
        finished.add(e.entity());
      }
    }
  }

  public synchronized void start(RunRecord running) {
    record = running;
    saveNow();
  }

  /** The bytes the partition has written so far. */
  synchronized long bytes(CompiledEntity e, long first) {
    return bytesByPartition.getOrDefault(key(e.name(), first), 0L);
  }

  /** The next row of the partition of {@code e} starting at {@code first}, as saved so far. */
  synchronized long next(CompiledEntity e, long first) {
    return first + rowsByPartition.getOrDefault(key(e.name(), first), 0L);
  }

  /** The partition of {@code e} starting at {@code first} holds rows up to {@code next}. */
  synchronized void at(CompiledEntity e, long first, long next, long bytes) {
    if (!startedNanos.containsKey(e.name()) && !finished.contains(e.name())) {
      startedNanos.put(e.name(), System.nanoTime());
      log.entityStarted(e, rowsOf(e.name()));
    }
    rowsByPartition.put(key(e.name(), first), next - first);
    bytesByPartition.put(key(e.name(), first), bytes);
    if (rowsOf(e.name()) >= e.rows() && finished.add(e.name())) {
      EntityProgress done = entity(initialOf(e.name()));
      finishedMillis.put(e.name(), done.durationMillis());
      saveNow();
      log.entityFinished(
          new EntityStats(
              e.name(), e.table(), e.rows(), done.durationMillis(), done.bytesWritten()));
    } else if (System.nanoTime() - lastSave > SAVE_INTERVAL_NANOS) {
      saveNow();
    }
  }

  public synchronized RunRecord snapshot() {
    List<EntityProgress> entities = new ArrayList<>();
    for (EntityProgress e : initial) {
      entities.add(entity(e));
    }
    return record.withEntities(entities);
  }

  private EntityProgress initialOf(String name) {
    return initial.stream().filter(e -> e.entity().equals(name)).findFirst().orElseThrow();
  }

  /** An entity's numbers: its duration so far adds this execution's time to earlier ones'. */
  private EntityProgress entity(EntityProgress before) {
    String name = before.entity();
    Long started = startedNanos.get(name);
    long ms =
        finishedMillis.containsKey(name)
            ? finishedMillis.get(name)
            : started == null
                ? before.durationMillis()
                : before.durationMillis() + (System.nanoTime() - started) / 1_000_000;
    long bytes =
        bytesByPartition.entrySet().stream()
            .filter(p -> p.getKey().startsWith(name + "/"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    return new EntityProgress(name, before.table(), before.rowsPlanned(), rowsOf(name), ms, bytes);
  }

  private long rowsOf(String entity) {
    return rowsByPartition.entrySet().stream()
        .filter(p -> p.getKey().startsWith(entity + "/"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private void saveNow() {
    lastSave = System.nanoTime();
    record = snapshot();
    save.accept(record);
  }

  private static String key(String entity, long first) {
    return entity + "/" + first;
  }
}
