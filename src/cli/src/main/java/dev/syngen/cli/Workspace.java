package dev.syngen.cli;

import dev.syngen.core.fidelity.Band;
import dev.syngen.core.fidelity.ExpectationCompiler;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.scenario.Expectations;
import dev.syngen.core.scenario.Problems;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.io.Targets;
import dev.syngen.io.history.FileRunRepository;
import dev.syngen.io.yaml.ScenarioFiles;
import dev.syngen.io.yaml.TargetFiles;
import java.nio.file.Path;

/** What the commands work with, built from the shared options: scenarios, targets, history. */
final class Workspace {
  final ScenarioFiles scenarios;
  final TargetFiles targets;
  final FileRunRepository history;
  final Targets sinks = Targets.builtins();
  final GeneratorRegistry generators = GeneratorRegistry.builtins();
  final PlanCompiler compiler = new PlanCompiler(generators);

  Workspace(SyngenCommand root) {
    this.scenarios = new ScenarioFiles(root.scenariosDir);
    this.targets = new TargetFiles(root.targetsDir, System::getenv);
    this.history = new FileRunRepository(root.historyDir);
  }

  /** Loads and validates a target profile by id or path; throws with every problem. */
  TargetProfile target(String idOrPath) {
    Path f = targets.find(idOrPath);
    if (f == null) {
      throw new IllegalArgumentException(
          "no target '"
              + idOrPath
              + "' in "
              + targets.files().stream().findFirst().map(Path::getParent).orElse(Path.of("targets"))
              + " (and no such file); run `syngen target list`");
    }
    Problems problems = new Problems();
    TargetProfile t = targets.read(f, problems);
    if (t != null) {
      sinks.validate(t, problems);
    }
    problems.throwIfAny("target '" + idOrPath + "'");
    return t;
  }

  /**
   * Checks the scenario's expectations against its compiled plan (the references they make, the
   * distributions they name), so a run never starts with expectations that cannot be checked.
   */
  void checkExpectations(Scenario scenario, CompiledPlan plan) {
    new ExpectationCompiler(generators).compile(scenario, plan, Expectations.NONE, Band.NORMAL);
  }

  /** A target profile by id or path, or with {@code kind} an inline target from a DSN. */
  TargetProfile resolve(String target, String kind) {
    return kind == null ? target(target) : inline(kind.toLowerCase(java.util.Locale.ROOT), target);
  }

  /** An inline target from {@code --target-kind} and a DSN or directory. */
  TargetProfile inline(String kind, String dsn) {
    TargetProfile t = new TargetProfile("inline", "inline " + kind, kind, dsn, null, null);
    Problems problems = new Problems();
    sinks.validate(t, problems);
    problems.throwIfAny("target (--target-kind " + kind + ")");
    return t;
  }
}
