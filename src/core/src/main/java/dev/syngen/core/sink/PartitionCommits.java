package dev.syngen.core.sink;

import dev.syngen.core.plan.CompiledEntity;
import java.util.OptionalLong;

/**
 * A sink that commits the rows of a partition together with a marker of the partition's next row,
 * in one transaction of the target. After a crash the marker says exactly which rows the target
 * holds, so a restart neither repeats nor skips any (PostgreSQL implements it).
 *
 * <p>A partition is named by the run id, the entity and the partition's first row.
 */
public interface PartitionCommits {
  /** Creates the marker store in the target if it is missing; called before any partition. */
  void prepareMarkers();

  /**
   * Opens a writer for rows {@code [from, to)} of a partition; its {@link EntityWriter#finish}
   * commits those rows and the marker {@code to} at once, its close without finish commits none.
   * The writer holds the partition's marker locked until then: a second writer of the same range
   * waits and, once the first has committed, gets {@link RangeCommittedException} instead of a
   * writer, so a range written twice at once (a chunk sent again to another server) is kept once.
   */
  EntityWriter<?> openRange(String runId, CompiledEntity entity, long first, long from, long to);

  /** The next row the target holds for the partition, if any of its rows were committed. */
  OptionalLong committedNext(String runId, CompiledEntity entity, long first);

  /** Deletes the run's markers once the run is complete. */
  void forgetMarkers(String runId);
}
