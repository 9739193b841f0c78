package dev.syngen.core.engine;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.Shard;
import dev.syngen.core.sink.Redactor;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.traffic.Traffic;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run use case shared by the CLI and the server: record the run, execute the plan, keep the
 * record's progress and outcome current, and never let a failure escape unrecorded.
 */
public final class RunCoordinator {
  private static final long SAVE_INTERVAL_NANOS = 1_000_000_000L;

  private final RunRepository repository;
  private final Clock clock;

  public RunCoordinator(RunRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /** A new pending record for a compiled plan and target; saved by {@link #execute}. */
  public RunRecord pending(
      CompiledPlan plan,
      TargetProfile target,
      TableMode mode,
      int parallelism,
      Map<String, Object> overrides,
      String scenarioSource) {
    return pending(plan, target, mode, parallelism, overrides, scenarioSource, Shard.WHOLE);
  }

  /**
   * A new pending record for one shard of a plan: its entities plan the shard's rows, and its
   * overrides name the shard ({@code shard: I/N}), which {@link #execute} then runs.
   */
  public RunRecord pending(
      CompiledPlan plan,
      TargetProfile target,
      TableMode mode,
      int parallelism,
      Map<String, Object> overrides,
      String scenarioSource,
      Shard shard) {
    Instant now = clock.instant();
    List<EntityProgress> entities =
        plan.included().stream()
            .map(e -> new EntityProgress(e.name(), e.table(), shard.size(e.rows()), 0, 0))
            .toList();
    Map<String, Object> recorded = overrides;
    if (!shard.isWhole()) {
      recorded = new LinkedHashMap<>(overrides);
      recorded.put(RunRecord.SHARD, shard.label());
    }
    return new RunRecord(
        newId(),
        RunStatus.PENDING,
        plan.scenarioId(),
        plan.scenarioName(),
        plan.scenarioVersion(),
        scenarioSource,
        target.id(),
        target.name(),
        target.kind(),
        Redactor.dsn(target.dsn()),
        plan.seed(),
        plan.asOf(),
        plan.configHash(),
        mode.yamlName(),
        parallelism,
        recorded,
        now,
        null,
        null,
        entities,
        null);
  }

  /** A new run id ({@link RunIds}): the UTC time to the second and 16 random bits. */
  public String newId() {
    return RunIds.next(clock.instant());
  }

  /**
   * A pending record for a run that fans out to several targets: the record's target fields list
   * them all, comma-separated, in the order given (DSNs redacted).
   */
  public RunRecord pending(
      CompiledPlan plan,
      List<TargetProfile> targets,
      TableMode mode,
      int parallelism,
      Map<String, Object> overrides,
      String scenarioSource) {
    return pending(plan, targets, mode, parallelism, overrides, scenarioSource, Shard.WHOLE);
  }

  /** A pending record for one shard of a run to one or several targets. */
  public RunRecord pending(
      CompiledPlan plan,
      List<TargetProfile> targets,
      TableMode mode,
      int parallelism,
      Map<String, Object> overrides,
      String scenarioSource,
      Shard shard) {
    if (targets.size() == 1) {
      return pending(plan, targets.get(0), mode, parallelism, overrides, scenarioSource, shard);
    }
    TargetProfile all =
        new TargetProfile(
            join(targets, TargetProfile::id),
            join(targets, TargetProfile::name),
            join(targets, TargetProfile::kind),
            join(targets, TargetProfile::redactedDsn),
            null,
            null);
    return pending(plan, all, mode, parallelism, overrides, scenarioSource, shard);
  }

  private static String join(
      List<TargetProfile> targets, java.util.function.Function<TargetProfile, String> f) {
    return String.join(", ", targets.stream().map(f).map(String::valueOf).toList());
  }

  /** Executes the run to its end; returns the final record (success, failed or cancelled). */
  public RunRecord execute(
      RunRecord pending,
      CompiledPlan plan,
      Sink sink,
      TableMode mode,
      RunEngine engine,
      RunListener listener,
      CancelToken cancel) {
    return execute(pending, plan, sink, mode, Map.of(), engine, listener, cancel);
  }

  /**
   * Executes the run from a checkpoint: {@code resume} maps entity names to the next row to write
   * (see {@link ResumePoints}); an empty map runs from the start.
   */
  public RunRecord execute(
      RunRecord pending,
      CompiledPlan plan,
      Sink sink,
      TableMode mode,
      Map<String, Long> resume,
      RunEngine engine,
      RunListener listener,
      CancelToken cancel) {
    Shard shard = pending.shard();
    Progress progress =
        new Progress(pending.withStatus(RunStatus.RUNNING, clock.instant(), null), shard, listener);
    repository.save(progress.record);
    try (sink) {
      engine.run(plan, sink, mode, resume, shard, progress, cancel);
      return finish(progress, RunStatus.SUCCESS, null);
    } catch (RunCancelledException e) {
      return finish(progress, RunStatus.CANCELLED, e.getMessage());
    } catch (RuntimeException e) {
      return finish(progress, RunStatus.FAILED, describe(e));
    }
  }

  private RunRecord finish(Progress p, RunStatus status, String error) {
    RunRecord r = p.snapshot().withStatus(status, clock.instant(), error);
    repository.save(r);
    return r;
  }

  static String describe(Throwable e) {
    StringBuilder sb =
        new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    Throwable c = e.getCause();
    if (c != null && c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
      sb.append(" (cause: ").append(c.getMessage()).append(')');
    }
    return Redactor.text(sb.toString());
  }

  /**
   * An open-ended stream (a duration without a records/s rate) is planned with a count no run
   * reaches; when its time is up, what was written is what the plan was.
   */
  private static boolean streamed(long planned, long written) {
    return planned >= Traffic.OPEN_ENDED_ROWS && written < planned;
  }

  /** Tracks per-entity progress into the record: saved once a second and at every entity's end. */
  private final class Progress implements RunListener {
    private RunRecord record;
    private final Shard shard;
    private final RunListener next;
    private final Map<String, EntityProgress> entities = new LinkedHashMap<>();
    private final Map<String, Long> started = new LinkedHashMap<>();
    private final Map<String, Long> startRows = new LinkedHashMap<>();
    private final Map<String, Long> shardFirst = new LinkedHashMap<>();
    private long lastSave = System.nanoTime();

    Progress(RunRecord record, Shard shard, RunListener next) {
      this.record = record;
      this.shard = shard;
      this.next = next;
      record.entities().forEach(e -> entities.put(e.entity(), e));
    }

    RunRecord snapshot() {
      return record.withEntities(new ArrayList<>(entities.values()));
    }

    @Override
    public void entityStarted(CompiledEntity e, long startRow) {
      started.put(e.name(), System.nanoTime());
      startRows.put(e.name(), startRow);
      shardFirst.put(e.name(), shard.first(e.rows()));
      next.entityStarted(e, startRow);
    }

    @Override
    public void progress(CompiledEntity e, long rowsDone, long bytesDone) {
      long ms = (System.nanoTime() - started.getOrDefault(e.name(), System.nanoTime())) / 1_000_000;
      // the engine counts rows by index; the record counts this shard's rows
      long written = rowsDone - shard.first(e.rows());
      entities.put(
          e.name(),
          new EntityProgress(e.name(), e.table(), shard.size(e.rows()), written, ms, bytesDone));
      next.progress(e, rowsDone, bytesDone);
      if (System.nanoTime() - lastSave > SAVE_INTERVAL_NANOS) {
        lastSave = System.nanoTime();
        repository.save(snapshot());
      }
    }

    @Override
    public void entityFinished(EntityStats s) {
      EntityProgress prev = entities.get(s.entity());
      long startRow = started.containsKey(s.entity()) ? startRows.get(s.entity()) : 0;
      long written = startRow - shardFirst.getOrDefault(s.entity(), 0L) + s.rows();
      entities.put(
          s.entity(),
          new EntityProgress(
              s.entity(),
              s.table(),
              streamed(prev.rowsPlanned(), written) ? written : prev.rowsPlanned(),
              written,
              s.durationMillis(),
              s.bytes()));
      // A finished entity is a checkpoint a restart relies on: record it now, not within a second.
      lastSave = System.nanoTime();
      repository.save(snapshot());
      next.entityFinished(s);
    }
  }
}
