package dev.syngen.core.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a restarted run picks up: the next row of every entity, from the rows its record says were
 * written. A sink that commits an entity only at its end (PostgreSQL COPY) has nothing durable of
 * an unfinished entity unless the run was cancelled cleanly (a cancel commits what was written), so
 * such an entity starts again from row 0.
 */
public final class ResumePoints {
  private ResumePoints() {}

  /**
   * The resume map for {@link RunEngine#run}: complete entities at their row count (skipped),
   * unfinished ones at their checkpoint.
   *
   * @param commitsPerEntity true when the target keeps an entity's rows only once it is finished
   */
  public static Map<String, Long> of(RunRecord run, boolean commitsPerEntity) {
    boolean cleanStop = run.status() == RunStatus.CANCELLED;
    Map<String, Long> resume = new LinkedHashMap<>();
    for (EntityProgress e : run.entities()) {
      long next;
      if (e.rowsWritten() >= e.rowsPlanned()) {
        next = e.rowsPlanned();
      } else if (commitsPerEntity && !cleanStop) {
        next = 0;
      } else {
        next = e.rowsWritten();
      }
      resume.put(e.entity(), next);
    }
    return resume;
  }
}
