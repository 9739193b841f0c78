package dev.syngen.server.interfaces.batch;

import dev.syngen.server.application.batch.PartitionChunks;
import dev.syngen.server.application.batch.RowSpan;
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
  @Inject PartitionChunks chunks;

  @Inject @BatchProperty String runId;

  @Inject @BatchProperty String entity;

  @Inject @BatchProperty String firstRow;

  @Inject @BatchProperty String endRow;

  @Override
  public void writeItems(List<Object> items) {
    long first = Long.parseLong(firstRow);
    long end = Long.parseLong(endRow);
    for (Object item : items) {
      chunks.write(runId, entity, first, end, (RowSpan) item);
    }
  }
}
