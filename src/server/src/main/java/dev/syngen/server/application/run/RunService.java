package dev.syngen.server.application.run;

import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunStatus;
import dev.syngen.server.application.batch.PartitionProgress;
import dev.syngen.server.application.llm.RunLlmUsage;
import java.util.List;
import java.util.Optional;

/** The run use cases behind the REST API and the console. */
public interface RunService {
  /** Validates and plans a request without recording or executing anything. */
  PreparedRun plan(RunRequest request);

  /** Validates, plans, records and dispatches a run; returns it pending. */
  RunRecord start(RunRequest request);

  RunRecord get(String id);

  /** What a run's llm_text columns asked and cost; empty for a run without them. */
  Optional<RunLlmUsage> llmUsage(String id);

  /** The newest {@code limit} runs, only those in {@code status} when it is not null. */
  List<RunRecord> list(int limit, RunStatus status);

  /** One page of runs, newest first, only those in {@code status} when it is not null. */
  List<RunRecord> page(int offset, int limit, RunStatus status);

  /** How many runs there are, only those in {@code status} when it is not null. */
  long count(RunStatus status);

  /** One page of the runs {@code query} selects, in its order, with who started each. */
  List<RunListing> page(RunQuery query);

  /** How many runs {@code query} selects, whatever its page. */
  long count(RunQuery query);

  /** What a run was started with (scenario, target, overrides), to show or replay it. */
  RunSpec spec(String id);

  /**
   * Where a batch run's partitions stand and which server wrote each, in entity and row order;
   * empty for a run the executor ran in one piece.
   */
  List<PartitionProgress> partitions(String id);

  /** The newest {@code limit} log lines of a run, newest first. */
  List<RunLogEntry> logs(String id, int limit);

  /** Stops a pending or running run and records it cancelled. */
  RunRecord cancel(String id);

  /** Resumes a failed, cancelled or interrupted run where it stopped, under the same id. */
  RunRecord restart(String id);

  /** Starts a new run with the same scenario, seed, as_of, overrides and target. */
  RunRecord rerun(String id);
}
