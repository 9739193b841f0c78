package dev.syngen.server.application.batch;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.PartitionCommits;
import dev.syngen.server.infrastructure.persistence.JpaBatchJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Writing one chunk of a batch partition: its rows go into the target (or, on a dispatcher, to an
 * executor server that writes them), then the partition's next row is recorded in the caller's
 * transaction — the chunk transaction, which commits it with the job's checkpoint.
 */
@ApplicationScoped
public class PartitionChunks {
  @Inject BatchRuns runs;
  @Inject JpaBatchJobs jobs;
  @Inject BatchSettings settings;
  @Inject RemoteChunks remote;

  /**
   * Writes {@code span} of the partition {@code [firstRow, endRow)} of {@code entity}. A chunk an
   * executor wrote is recorded by that executor, which may be writing the partition's next chunk
   * already: the chunk transaction then leaves the partition's row alone.
   */
  public void write(String runId, String entity, long firstRow, long endRow, RowSpan span) {
    BatchRun run = runs.require(runId);
    CompiledEntity e = run.entity(entity);
    boolean dispatched = settings.dispatchesChunks() && run.sink() instanceof PartitionCommits;
    if (dispatched) {
      remote.write(run, e, firstRow, endRow, span);
      return;
    }
    long bytes = run.write(e, firstRow, span);
    try {
      jobs.advance(runId, entity, firstRow, span.to(), bytes, ExecutorChunks.serverName());
    } catch (RuntimeException ex) {
      run.failed(ex);
      throw ex;
    }
  }
}
