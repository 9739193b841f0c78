package dev.syngen.server.application.stream;

import dev.syngen.core.engine.CancelToken;
import dev.syngen.core.engine.RunEngine;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.plan.AdHocPlanner;
import dev.syngen.core.plan.AdHocRequest;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.scenario.Problems;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.scenario.ScenarioMapper;
import dev.syngen.core.sink.TableMode;
import dev.syngen.io.file.NdjsonStreamSink;
import dev.syngen.io.yaml.ScenarioFiles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plans and streams ad-hoc records for the HTTP and WebSocket endpoints: validate the request,
 * compile a one-entity plan, run the engine into a chunk consumer. Memory is bounded by the
 * engine's batch window, whatever the count.
 */
@ApplicationScoped
public class StreamService {
  @Inject
  @ConfigProperty(name = "syngen.scenarios.dir", defaultValue = "scenarios")
  String scenariosDir;

  @Inject
  @ConfigProperty(name = "syngen.generate.max-count", defaultValue = "100000000")
  long maxCount;

  @Inject
  @ConfigProperty(name = "syngen.generate.parallelism", defaultValue = "0")
  int parallelism;

  private AdHocPlanner planner;

  @PostConstruct
  void init() {
    planner = new AdHocPlanner(new PlanCompiler(GeneratorRegistry.builtins()));
  }

  /** Validates a parsed JSON request; throws ValidationException with every problem. */
  public CompiledPlan plan(Object requestTree) {
    Problems problems = new Problems();
    AdHocRequest request = AdHocRequest.parse(requestTree, maxCount, problems);
    problems.throwIfAny("request");
    return planner.plan(scenario(request), request);
  }

  private Scenario scenario(AdHocRequest request) {
    if (request.scenarioId() != null) {
      return new ScenarioFiles(Path.of(scenariosDir)).load(request.scenarioId());
    }
    Problems problems = new Problems();
    Map<String, Object> tree = request.scenario();
    Scenario s = ScenarioMapper.map(tree, "adhoc", problems);
    problems.throwIfAny("scenario");
    return s;
  }

  /** Streams the plan's single entity as NDJSON chunks, in row order. */
  public void stream(CompiledPlan plan, NdjsonStreamSink.ChunkConsumer out, CancelToken cancel) {
    int threads = parallelism > 0 ? parallelism : Runtime.getRuntime().availableProcessors();
    new RunEngine(threads, 1024)
        .run(
            plan,
            new NdjsonStreamSink(out),
            TableMode.APPEND_ONLY,
            Map.of(),
            RunListener.NONE,
            cancel);
  }
}
