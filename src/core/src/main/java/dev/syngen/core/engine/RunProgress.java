package dev.syngen.core.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * How far a run has got, derived from its record: rows and entities done out of planned, the entity
 * being written, and the average rate since the run (re)started with the time left at that rate.
 * {@code currentEntity}, {@code rowsPerSecond} and {@code etaSeconds} are null when they do not
 * apply (nothing running, no rate measured yet).
 */
public record RunProgress(
    long rowsGenerated,
    long rowsTotal,
    int entitiesDone,
    int entitiesTotal,
    String currentEntity,
    Double rowsPerSecond,
    Long etaSeconds) {

  /** Progress of {@code run} as seen at {@code now}. */
  public static RunProgress of(RunRecord run, Instant now) {
    long done = run.rowsWritten();
    long total = run.rowsPlanned();
    int finished =
        (int) run.entities().stream().filter(e -> e.rowsWritten() >= e.rowsPlanned()).count();
    boolean running = run.status() == RunStatus.RUNNING;
    String current =
        running
            ? run.entities().stream()
                .filter(e -> e.rowsWritten() < e.rowsPlanned())
                .map(EntityProgress::entity)
                .findFirst()
                .orElse(null)
            : null;
    Double rate = rate(run, done, now);
    Long eta = null;
    if (run.status() == RunStatus.SUCCESS) {
      eta = 0L;
    } else if (running && rate != null && rate > 0) {
      eta = (long) Math.ceil((total - done) / rate);
    }
    return new RunProgress(done, total, finished, run.entities().size(), current, rate, eta);
  }

  private static Double rate(RunRecord run, long done, Instant now) {
    if (run.startedAt() == null) {
      return null;
    }
    Instant end = run.finishedAt() != null ? run.finishedAt() : now;
    long millis = Duration.between(run.startedAt(), end).toMillis();
    if (millis <= 0) {
      return done == 0 ? null : done * 1000.0;
    }
    return Math.round(done * 1000.0 / millis * 10) / 10.0;
  }
}
