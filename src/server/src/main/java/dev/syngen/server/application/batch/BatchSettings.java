package dev.syngen.server.application.batch;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The knobs of batch execution, read through MicroProfile Config (environment variables such as
 * SYNGEN_BATCH_THRESHOLD_ROWS override): which runs become batch jobs, how often they checkpoint
 * and how many rows one partition holds.
 */
@ApplicationScoped
public class BatchSettings {
  @Inject
  @ConfigProperty(name = "syngen.batch.threshold-rows", defaultValue = "1000000")
  long thresholdRows;

  @Inject
  @ConfigProperty(name = "syngen.batch.checkpoint-rows", defaultValue = "100000")
  long checkpointRows;

  @Inject
  @ConfigProperty(name = "syngen.batch.partition-rows", defaultValue = "500000")
  long partitionRows;

  @PostConstruct
  void check() {
    positive("syngen.batch.threshold-rows", thresholdRows, "1000000");
    positive("syngen.batch.checkpoint-rows", checkpointRows, "100000");
    positive("syngen.batch.partition-rows", partitionRows, "500000");
  }

  private static void positive(String name, long value, String example) {
    if (value < 1) {
      throw new IllegalStateException(
          "setting "
              + name
              + " is "
              + value
              + ", but must be at least 1; fix: set it to e.g. "
              + example);
    }
  }

  /** A run with more rows than this executes as a batch job. */
  public long thresholdRows() {
    return thresholdRows;
  }

  /** Rows per chunk: each chunk commits its rows and the partition's checkpoint. */
  public long checkpointRows() {
    return checkpointRows;
  }

  /** Rows per partition of an entity, for targets that take partitions in parallel. */
  public long partitionRows() {
    return partitionRows;
  }
}
