package dev.syngen.server.application.run;

import dev.syngen.core.engine.EntityProgress;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunRepository;
import dev.syngen.core.engine.RunStatus;
import java.util.List;
import java.util.Set;

/** Which target kinds keep an entity's rows only when the entity is finished (one transaction). */
final class TargetCommits {
  private static final Set<String> PER_ENTITY =
      Set.of("postgres", "postgresql", "mariadb", "mysql");

  private TargetCommits() {}

  /**
   * {@code repository}, saving every record as the target holds it ({@link #committed}): the failed
   * record a reader sees is the corrected one from the moment it is saved, never first the rows the
   * engine had handed over.
   */
  static RunRepository recording(RunRepository repository) {
    return repository.savingThrough(TargetCommits::committed);
  }

  static boolean perEntity(String kind) {
    return kind != null && PER_ENTITY.contains(kind);
  }

  /**
   * The record as the target holds it: a failed run into a target that commits an entity only at
   * its end has none of an unfinished entity's rows (its transaction was rolled back), whatever the
   * engine had handed over (finding 20: 111,200 rows claimed, 0 in the table). A cancel commits
   * what was written, so a cancelled record stays as it is.
   */
  static RunRecord committed(RunRecord r) {
    if (r.status() != RunStatus.FAILED || !perEntity(r.targetKind())) {
      return r;
    }
    List<EntityProgress> kept =
        r.entities().stream()
            .map(
                e ->
                    e.rowsWritten() >= e.rowsPlanned()
                        ? e
                        : new EntityProgress(
                            e.entity(), e.table(), e.rowsPlanned(), 0, e.durationMillis()))
            .toList();
    return kept.equals(r.entities()) ? r : r.withEntities(kept);
  }
}
