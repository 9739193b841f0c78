package dev.syngen.server.interfaces.batch;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.PartitionCommits;
import dev.syngen.server.application.batch.BatchRun;
import dev.syngen.server.application.batch.BatchRuns;
import dev.syngen.server.application.batch.BatchSettings;
import dev.syngen.server.application.batch.RemoteChunks;
import dev.syngen.server.application.batch.RowSpan;
import dev.syngen.server.infrastructure.persistence.JpaBatchJobs;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Writes a chunk's rows into the target and commits them there, then records the partition's next
 * row in the chunk transaction, which commits it with the job's checkpoint. On a dispatcher
 * (syngen.role=dispatcher) an executor server writes the chunk into a database target instead.
 */
@Named("syngenRowRangeWriter")
@Dependent
public class RowRangeWriter extends AbstractItemWriter {
  @Inject BatchRuns runs;
  @Inject JpaBatchJobs jobs;
  @Inject BatchSettings settings;
  @Inject RemoteChunks remote;

  @Inject @BatchProperty String runId;

  @Inject @BatchProperty String entity;

  @Inject @BatchProperty String firstRow;

  @Override
  public void writeItems(List<Object> items) {
    BatchRun run = runs.require(runId);
    CompiledEntity e = run.entity(entity);
    long first = Long.parseLong(firstRow);
    for (Object item : items) {
      RowSpan span = (RowSpan) item;
      boolean dispatched = settings.dispatchesChunks() && run.sink() instanceof PartitionCommits;
      long bytes = dispatched ? remote.write(run, e, first, span) : run.write(e, first, span);
      try {
        jobs.advance(runId, entity, first, span.to(), bytes);
      } catch (RuntimeException ex) {
        run.failed(ex);
        throw ex;
      }
    }
  }
}
