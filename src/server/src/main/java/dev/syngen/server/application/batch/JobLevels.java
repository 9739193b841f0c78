package dev.syngen.server.application.batch;

import java.util.Collection;
import java.util.OptionalInt;

/**
 * The dependency levels of a batch run and the order its jobs write them in. Jakarta Batch runs a
 * step at most once per job execution and rejects loops between steps, so one job XML cannot hold a
 * step for each of any number of levels; instead every level is a job instance of its own, whose
 * job parameter {@value #PARAMETER} names the level, and the job of level n + 1 starts when level n
 * has completed. A restart continues the latest job: restarted from its checkpoints when its level
 * did not complete, else the next level's job starts.
 */
public record JobLevels(int count) {
  /** The job parameter (and artifact property) that names the level a job writes. */
  public static final String PARAMETER = "level";

  public JobLevels {
    if (count < 1) {
      throw new IllegalArgumentException("a run has at least one level, got " + count);
    }
  }

  /** The levels of a run whose entities have the given dependency levels (one if it has none). */
  public static JobLevels of(Collection<Integer> entityLevels) {
    return new JobLevels(1 + entityLevels.stream().mapToInt(Integer::intValue).max().orElse(0));
  }

  /**
   * The level a job's {@value #PARAMETER} parameter names; empty when it has none, as jobs started
   * by versions whose one job wrote every level in steps of its own.
   */
  public static OptionalInt parameter(String value) {
    if (value == null || value.isBlank()) {
      return OptionalInt.empty();
    }
    try {
      int level = Integer.parseInt(value.trim());
      if (level >= 0) {
        return OptionalInt.of(level);
      }
    } catch (NumberFormatException e) {
      // reported below with the value
    }
    throw new IllegalStateException(
        "job parameter "
            + PARAMETER
            + " is '"
            + value
            + "', but must be a dependency level (0 or more); the job was not started by syngen");
  }

  /** The level after {@code level}; empty after the last one. */
  public OptionalInt after(int level) {
    return level + 1 < count ? OptionalInt.of(level + 1) : OptionalInt.empty();
  }

  /**
   * The level whose job starts when the job of {@code level} ends: the next one when {@code
   * written} (the job completed and its level holds every planned row) and no stop was requested;
   * empty when the run ends here (its last level, a failure, a stop, or a job of every level).
   */
  public OptionalInt next(OptionalInt level, boolean written, boolean stopRequested) {
    if (level.isEmpty() || !written || stopRequested) {
      return OptionalInt.empty();
    }
    return after(level.getAsInt());
  }

  /**
   * Where a restart of the run continues, given the level of its latest job execution (empty: a job
   * of every level) and whether that execution completed.
   */
  public Resume resume(OptionalInt latestLevel, boolean latestCompleted) {
    if (latestLevel.isEmpty()) {
      return new Resume(true, OptionalInt.empty());
    }
    int level = latestLevel.getAsInt();
    if (!latestCompleted) {
      return new Resume(true, latestLevel);
    }
    // The run's record was not closed after its last level (a crash in between): a job of a level
    // past the last writes nothing, and its end records the run's outcome.
    return new Resume(false, OptionalInt.of(Math.min(level + 1, count)));
  }

  /**
   * How a restart goes on: {@code restartLatest} restarts the latest job execution from its
   * checkpoints, else a new job instance starts; {@code level} is the level it writes (empty: the
   * restarted job writes every level itself).
   */
  public record Resume(boolean restartLatest, OptionalInt level) {}
}
