package dev.syngen.server.interfaces.batch;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.server.application.batch.BatchRun;
import dev.syngen.server.application.batch.BatchRuns;
import dev.syngen.server.application.batch.BatchSettings;
import dev.syngen.server.application.batch.RowSpan;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Hands out a partition's rows as spans of {@code syngen.batch.checkpoint-rows}; one span is one
 * chunk, and the checkpoint is the next row index.
 */
@Named("syngenRowRangeReader")
@Dependent
public class RowRangeReader extends AbstractItemReader {
  @Inject BatchRuns runs;
  @Inject BatchSettings settings;

  @Inject @BatchProperty String runId;

  @Inject @BatchProperty String entity;

  @Inject @BatchProperty String firstRow;

  @Inject @BatchProperty String endRow;

  private long next;
  private long end;

  @Override
  public void open(Serializable checkpoint) {
    if (entity == null || entity.isEmpty()) {
      return;
    }
    long first = Long.parseLong(firstRow);
    end = Long.parseLong(endRow);
    BatchRun run = runs.require(runId);
    run.prepareTarget();
    CompiledEntity e = run.entity(entity);
    next = run.resumeAt(e, first, checkpoint == null ? first : (Long) checkpoint);
  }

  @Override
  public Object readItem() {
    if (next >= end) {
      return null;
    }
    long to = Math.min(end, next + settings.checkpointRows());
    RowSpan span = new RowSpan(next, to);
    next = to;
    return span;
  }

  @Override
  public Serializable checkpointInfo() {
    return next;
  }
}
