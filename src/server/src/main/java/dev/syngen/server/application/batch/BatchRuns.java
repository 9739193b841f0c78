package dev.syngen.server.application.batch;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The batch runs this server is executing, by run id, for the job's artifacts to find. */
@ApplicationScoped
public class BatchRuns {
  private final Map<String, BatchRun> runs = new ConcurrentHashMap<>();

  void add(BatchRun run) {
    runs.put(run.id(), run);
  }

  public Optional<BatchRun> find(String runId) {
    return Optional.ofNullable(runs.get(runId));
  }

  public BatchRun require(String runId) {
    BatchRun run = runs.get(runId);
    if (run == null) {
      throw new IllegalStateException(
          "run "
              + runId
              + " is not executing on this server; restart it with POST /api/v1/runs/"
              + runId
              + "/restart");
    }
    return run;
  }

  public void remove(BatchRun run) {
    runs.remove(run.id(), run);
  }
}
