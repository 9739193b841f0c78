package dev.syngen.core.engine;

import dev.syngen.core.problem.Problems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Records the N shard runs of one sharded run as one run: it checks that shards 0 … N-1 are each
 * present once, all succeeded, and share the plan (config hash, seed, as_of, scenario) and the
 * target, then sums the rows per entity. Entity durations are the longest shard's, since shards run
 * side by side; rows per second is then the rate of all shards together.
 */
public final class ShardCollector {
  /** The overrides of a collected run: how many shards, and their run ids in shard order. */
  public static final String SHARDS = "shards";

  public static final String SHARD_RUNS = "shard_runs";

  private ShardCollector() {}

  /**
   * The collected run, with id {@code id} and created at {@code now}; throws a {@link
   * dev.syngen.core.problem.ValidationException} listing every reason when the shards do not make
   * one complete run.
   */
  public static RunRecord collect(List<RunRecord> runs, String id, Instant now) {
    Problems problems = new Problems();
    TreeMap<Integer, RunRecord> byIndex = byIndex(runs, problems);
    problems.throwIfAny("shard runs");
    int count = byIndex.firstEntry().getValue().shard().count();
    checkComplete(byIndex, count, problems);
    RunRecord first = byIndex.firstEntry().getValue();
    for (RunRecord r : byIndex.values()) {
      same(first, r, "config_hash", RunRecord::configHash, problems);
      same(first, r, "seed", RunRecord::seed, problems);
      same(first, r, "as_of", RunRecord::asOf, problems);
      same(first, r, "scenario_id", RunRecord::scenarioId, problems);
      same(first, r, "target", t -> t.targetId() + " " + t.targetDsn(), problems);
      same(first, r, "mode", RunRecord::mode, problems);
      if (r.status() != RunStatus.SUCCESS) {
        problems.add(
            r.id(),
            "shard " + r.shard().label() + " is " + r.status().label() + errorOf(r),
            "run shard "
                + r.shard().label()
                + " again (with --mode append_only into the same"
                + " target only if it wrote nothing), then collect its new run id");
      }
    }
    problems.throwIfAny("shard runs");
    return collected(new ArrayList<>(byIndex.values()), id, now);
  }

  private static TreeMap<Integer, RunRecord> byIndex(List<RunRecord> runs, Problems problems) {
    TreeMap<Integer, RunRecord> byIndex = new TreeMap<>();
    if (runs.isEmpty()) {
      problems.add("--shard-runs", "names no run", "list the run ids of all shards");
    }
    for (RunRecord r : runs) {
      if (r.shard().isWhole()) {
        problems.add(r.id(), "is not a shard run", "collect only runs started with --shard I/N");
        continue;
      }
      RunRecord twin = byIndex.putIfAbsent(r.shard().index(), r);
      if (twin != null) {
        problems.add(
            r.id(),
            "is shard " + r.shard().label() + " like run " + twin.id(),
            "name each shard's run once");
      }
    }
    return byIndex;
  }

  private static void checkComplete(Map<Integer, RunRecord> byIndex, int count, Problems problems) {
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (!byIndex.containsKey(i)) {
        missing.add(i + "/" + count);
      }
    }
    for (RunRecord r : byIndex.values()) {
      if (r.shard().count() != count) {
        problems.add(
            r.id(),
            "is shard " + r.shard().label() + " but the others are of " + count,
            "collect the shards of one run only");
      }
    }
    if (!missing.isEmpty()) {
      problems.add(
          "--shard-runs",
          "shards " + String.join(", ", missing) + " are missing",
          "add the run ids of the missing shards (syngen run list shows them)");
    }
  }

  private static void same(
      RunRecord first,
      RunRecord r,
      String field,
      Function<RunRecord, Object> value,
      Problems problems) {
    if (!Objects.equals(value.apply(first), value.apply(r))) {
      problems.add(
          r.id(),
          field
              + " "
              + value.apply(r)
              + " differs from shard "
              + first.shard().label()
              + "'s "
              + value.apply(first),
          "every shard must run the same scenario, overrides, seed and as_of into the same target");
    }
  }

  private static String errorOf(RunRecord r) {
    return r.error() == null ? "" : ": " + r.error();
  }

  private static RunRecord collected(List<RunRecord> shards, String id, Instant now) {
    RunRecord first = shards.get(0);
    Map<String, Object> overrides = new LinkedHashMap<>(first.overrides());
    overrides.remove(RunRecord.SHARD);
    overrides.put(SHARDS, shards.size());
    overrides.put(SHARD_RUNS, String.join(",", shards.stream().map(RunRecord::id).toList()));
    return new RunRecord(
        id,
        RunStatus.SUCCESS,
        first.scenarioId(),
        first.scenarioName(),
        first.scenarioVersion(),
        first.scenarioSource(),
        first.targetId(),
        first.targetName(),
        first.targetKind(),
        first.targetDsn(),
        first.seed(),
        first.asOf(),
        first.configHash(),
        first.mode(),
        shards.stream().mapToInt(RunRecord::parallelism).sum(),
        overrides,
        now,
        shards.stream()
            .map(RunRecord::startedAt)
            .filter(Objects::nonNull)
            .min(Comparator.naturalOrder())
            .orElse(null),
        shards.stream()
            .map(RunRecord::finishedAt)
            .filter(Objects::nonNull)
            .max(Comparator.naturalOrder())
            .orElse(null),
        entities(shards),
        null);
  }

  private static List<EntityProgress> entities(List<RunRecord> shards) {
    Map<String, EntityProgress> sum = new LinkedHashMap<>();
    for (RunRecord r : shards) {
      for (EntityProgress e : r.entities()) {
        sum.merge(
            e.entity(),
            e,
            (a, b) ->
                new EntityProgress(
                    a.entity(),
                    a.table(),
                    a.rowsPlanned() + b.rowsPlanned(),
                    a.rowsWritten() + b.rowsWritten(),
                    Math.max(a.durationMillis(), b.durationMillis()),
                    a.bytesWritten() + b.bytesWritten()));
      }
    }
    return new ArrayList<>(sum.values());
  }
}
