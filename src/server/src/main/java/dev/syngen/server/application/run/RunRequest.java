package dev.syngen.server.application.run;

import dev.syngen.core.llm.LlmService;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.scenario.Problem;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.traffic.TrafficRequest;
import dev.syngen.server.application.target.TargetSpec;
import java.util.List;

/**
 * A request to plan or start a run: a scenario by id or as a document, a target by id or inline
 * (neither: the server's default target), the overrides, the scenario's scale band (or null), the
 * traffic shape, table mode, parallelism (null: the server's default) and whether llm_text columns
 * may send requests (online, the default) or read only cached answers (offline). {@code problems}
 * are those found while reading the request: the planner reports them together with its own, so one
 * answer lists everything.
 */
public record RunRequest(
    String scenarioId,
    String scenarioDocument,
    String targetId,
    TargetSpec target,
    RunOverrides overrides,
    String band,
    TrafficRequest traffic,
    TableMode mode,
    Integer parallelism,
    LlmService.Mode llm,
    List<Problem> problems) {
  public RunRequest {
    problems = problems == null ? List.of() : List.copyOf(problems);
    traffic = traffic == null ? TrafficRequest.NONE : traffic;
    llm = llm == null ? LlmService.Mode.ONLINE : llm;
  }
}
