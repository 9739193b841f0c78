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

  /** Writes {@code span} of the partition of {@code entity} that starts at {@code firstRow}. */
  public void write(String runId, String entity, long firstRow, RowSpan span) {
    BatchRun run = runs.require(runId);
    CompiledEntity e = run.entity(entity);
    boolean dispatched = settings.dispatchesChunks() && run.sink() instanceof PartitionCommits;
    long bytes = dispatched ? remote.write(run, e, firstRow, span) : run.write(e, firstRow, span);
    try {
      String writtenHere = dispatched ? null : ExecutorChunks.serverName();
      jobs.advance(runId, entity, firstRow, span.to(), bytes, writtenHere);
    } catch (RuntimeException ex) {
      run.failed(ex);
      throw ex;
    }
  }
}
