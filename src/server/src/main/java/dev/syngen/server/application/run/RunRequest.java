package dev.syngen.server.application.run;

import dev.syngen.core.llm.LlmBudget;
import dev.syngen.core.llm.LlmService;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.request.RunInput;
import dev.syngen.core.request.RunRequestReader;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.traffic.TrafficRequest;
import dev.syngen.server.application.target.TargetSpec;
import dev.syngen.server.application.target.TargetSpecs;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A request to plan or start a run: a scenario by id or as a document, a target by id or inline
 * (neither: the server's default target), the overrides, the scenario's scale band (or null), the
 * traffic shape, table mode, parallelism (null: the server's default) and whether llm_text columns
 * may send requests (online, the default) or read only cached answers (offline), with the caps on
 * what they may spend ({@code max_requests}, {@code max_cost}). {@code problems} are those found
 * while reading the request: the planner reports them together with its own, so one answer lists
 * everything. Every front end reads its input with {@link #read}.
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
    LlmBudget llmBudget,
    List<Problem> problems) {
  public RunRequest {
    problems = problems == null ? List.of() : List.copyOf(problems);
    traffic = traffic == null ? TrafficRequest.NONE : traffic;
    llm = llm == null ? LlmService.Mode.ONLINE : llm;
    llmBudget = llmBudget == null ? LlmBudget.unlimited() : llmBudget;
  }

  /** A request without LLM caps. */
  public RunRequest(
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
    this(
        scenarioId,
        scenarioDocument,
        targetId,
        target,
        overrides,
        band,
        traffic,
        mode,
        parallelism,
        llm,
        null,
        problems);
  }

  /**
   * Reads a request tree (a JSON body, the console's form) through the one {@link
   * RunRequestReader}; an inline scenario object becomes its JSON text with {@code toJson}, the
   * stored document. Throws only when the tree is not an object at all.
   */
  public static RunRequest read(Object tree, int maxParallelism, Function<Object, String> toJson) {
    Problems problems = new Problems();
    RunInput in = new RunRequestReader(maxParallelism).read(tree, problems);
    if (in == null) {
      problems.throwIfAny("run request");
    }
    TargetSpec target = null;
    if (in.target() != null) {
      Problems found = new Problems();
      target = TargetSpecs.fromTree(in.target(), "inline", found);
      problems.addUnder("target", found.list());
    }
    return new RunRequest(
        in.scenarioId(),
        in.scenario() instanceof Map<?, ?> m ? toJson.apply(m) : (String) in.scenario(),
        in.targetId(),
        target,
        in.overrides(),
        in.band(),
        in.traffic(),
        in.mode(),
        in.parallelism(),
        in.llm(),
        in.llmBudget(),
        problems.list());
  }

  /** This request with {@code more} problems, found by the front end around the reader. */
  public RunRequest plus(List<Problem> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<Problem> all = new java.util.ArrayList<>(problems);
    all.addAll(more);
    return new RunRequest(
        scenarioId,
        scenarioDocument,
        targetId,
        target,
        overrides,
        band,
        traffic,
        mode,
        parallelism,
        llm,
        llmBudget,
        all);
  }
}
