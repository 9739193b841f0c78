package dev.syngen.server.interfaces.batch;

import dev.syngen.core.engine.RowPartition;
import dev.syngen.server.application.batch.BatchRun;
import dev.syngen.server.application.batch.BatchRuns;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Properties;

/**
 * Maps the dependency level a job writes (its {@code level} parameter) to the level's (entity, row
 * range) partitions. A level without rows gets a single empty partition, so its step completes at
 * once.
 */
@Named("syngenLevelPartitions")
@Dependent
public class LevelPartitionMapper implements PartitionMapper {
  @Inject BatchRuns runs;

  @Inject @BatchProperty String runId;

  @Inject @BatchProperty String level;

  @Override
  public PartitionPlan mapPartitions() {
    BatchRun run = runs.require(runId);
    List<RowPartition> parts = run.level(Integer.parseInt(level));
    Properties[] props = new Properties[Math.max(1, parts.size())];
    for (int i = 0; i < props.length; i++) {
      props[i] = parts.isEmpty() ? properties("", 0, 0) : properties(parts.get(i));
    }
    PartitionPlanImpl plan = new PartitionPlanImpl();
    plan.setPartitions(props.length);
    plan.setThreads(run.threads(props.length));
    plan.setPartitionProperties(props);
    return plan;
  }

  private static Properties properties(RowPartition p) {
    return properties(p.entity(), p.first(), p.end());
  }

  private static Properties properties(String entity, long first, long end) {
    Properties p = new Properties();
    p.setProperty("entity", entity);
    p.setProperty("firstRow", Long.toString(first));
    p.setProperty("endRow", Long.toString(end));
    return p;
  }
}
