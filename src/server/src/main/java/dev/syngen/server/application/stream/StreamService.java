package dev.syngen.server.application.stream;

import dev.syngen.core.engine.CancelToken;
import dev.syngen.core.engine.RunCancelledException;
import dev.syngen.core.engine.RunEngine;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.llm.LlmService;
import dev.syngen.core.plan.AdHocPlanner;
import dev.syngen.core.plan.AdHocRequest;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.sink.TableMode;
import dev.syngen.io.file.NdjsonStreamSink;
import dev.syngen.server.application.scenario.ScenarioCatalog;
import dev.syngen.server.application.scenario.ScenarioFile;
import dev.syngen.server.infrastructure.llm.LlmCatalog;
import dev.syngen.server.infrastructure.llm.RunLlm;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plans and streams ad-hoc records for the HTTP and WebSocket endpoints: validate the request,
 * compile a one-entity plan, run the engine into a chunk consumer. Memory is bounded by the
 * engine's batch window, whatever the count. A scenario named by id comes from the catalogue only,
 * never from a path. {@code llm_text} columns read the server's LLM cache offline, their fallback
 * writing the misses ({@link CachedLlmText}): these endpoints never make the server spend on a
 * provider.
 */
@ApplicationScoped
public class StreamService {
  @Inject ScenarioCatalog catalog;
  @Inject LlmCatalog llmCatalog;

  @Inject
  @ConfigProperty(name = "syngen.generate.llm-per-row-max-count", defaultValue = "10000")
  long llmPerRowMaxCount;

  @Inject
  @ConfigProperty(name = "syngen.generate.max-count", defaultValue = "10000000")
  long maxCount;

  @Inject
  @ConfigProperty(name = "syngen.generate.parallelism", defaultValue = "1")
  int parallelism;

  private GeneratorRegistry generators;

  @PostConstruct
  void init() {
    generators = GeneratorRegistry.builtins();
  }

  /**
   * A planned request: the plan, where its llm_text values come from (null without llm_text
   * columns) and the offline LLM binding to close when the stream ends.
   */
  public record Generation(CompiledPlan plan, CachedLlmText.Sources llm, RunLlm binding)
      implements AutoCloseable {
    @Override
    public void close() {
      binding.close();
    }
  }

  /**
   * Validates a parsed JSON request and plans it; throws ValidationException with every problem.
   * Close the answer when its stream ends.
   */
  public Generation plan(Object requestTree) {
    Problems problems = new Problems();
    AdHocRequest request = AdHocRequest.parse(requestTree, maxCount, problems);
    problems.throwIfAny("request");
    Scenario scenario = scenario(request);
    RunLlm llm = llmCatalog.forRun(LlmService.Mode.OFFLINE);
    try {
      CompiledPlan plan =
          new AdHocPlanner(new PlanCompiler(generators.with(llm.factory())))
              .plan(scenario, request);
      CachedLlmText.Sources sources =
          llm.opened().map(s -> CachedLlmText.check(plan, s, llmPerRowMaxCount)).orElse(null);
      return new Generation(plan, sources, llm);
    } catch (RuntimeException e) {
      llm.close();
      throw e;
    }
  }

  private Scenario scenario(AdHocRequest request) {
    if (request.scenarioId() != null) {
      ScenarioFile file =
          catalog
              .find(request.scenarioId())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "there is no scenario with the id '"
                              + request.scenarioId()
                              + "'; GET /api/v1/scenarios lists them"));
      if (!file.valid()) {
        throw new IllegalArgumentException(
            "the scenario '"
                + file.id()
                + "' is invalid; GET /api/v1/scenarios/"
                + file.id()
                + " shows its problems");
      }
      return file.scenario();
    }
    Problems problems = new Problems();
    Scenario s = request.inlineScenario(problems);
    problems.throwIfAny("scenario");
    return s;
  }

  /**
   * Streams the plan's single entity as NDJSON chunks, in row order, until done, cancelled or past
   * the admission's time limit; returns false when it stopped early.
   */
  public boolean stream(
      CompiledPlan plan,
      NdjsonStreamSink.ChunkConsumer out,
      CancelToken cancel,
      StreamLimits.Admission admission) {
    int threads = parallelism > 0 ? parallelism : Runtime.getRuntime().availableProcessors();
    NdjsonStreamSink.ChunkConsumer timed =
        chunk -> {
          if (admission.expired()) {
            cancel.cancel();
          }
          out.accept(chunk);
        };
    try {
      new RunEngine(threads, 1024)
          .run(
              plan,
              new NdjsonStreamSink(timed),
              TableMode.APPEND_ONLY,
              Map.of(),
              RunListener.NONE,
              cancel);
      return true;
    } catch (RunCancelledException e) {
      return false;
    }
  }
}
