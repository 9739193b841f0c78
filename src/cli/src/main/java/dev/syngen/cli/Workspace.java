package dev.syngen.cli;

import dev.syngen.core.corpus.CorpusCatalog;
import dev.syngen.core.fidelity.Band;
import dev.syngen.core.fidelity.ExpectationCompiler;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.generate.builtin.CorpusPick;
import dev.syngen.core.llm.LlmBudget;
import dev.syngen.core.llm.LlmProvider;
import dev.syngen.core.llm.LlmService;
import dev.syngen.core.llm.LlmText;
import dev.syngen.core.llm.LlmUsage;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.request.RunRules;
import dev.syngen.core.scenario.Expectations;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.io.Targets;
import dev.syngen.io.corpus.BundledCorpora;
import dev.syngen.io.corpus.CorpusDirectory;
import dev.syngen.io.history.FileRunRepository;
import dev.syngen.io.llm.FileLlmCache;
import dev.syngen.io.llm.OpenAiChatTransport;
import dev.syngen.io.message.PayloadTemplates;
import dev.syngen.io.yaml.LlmFiles;
import dev.syngen.io.yaml.ScenarioFiles;
import dev.syngen.io.yaml.TargetFiles;
import java.nio.file.Path;
import java.util.Map;

/** What the commands work with, built from the shared options: scenarios, targets, history. */
final class Workspace {
  final ScenarioFiles scenarios;
  final TargetFiles targets;
  final FileRunRepository history;
  final Targets sinks = Targets.builtins();
  final CorpusCatalog corpora;
  private final SyngenCommand root;
  private final LlmService.Mode llmMode;
  private LlmService llm;
  private LlmBudget llmBudget = LlmBudget.unlimited();
  final GeneratorRegistry generators;
  final PlanCompiler compiler;

  Workspace(SyngenCommand root) {
    this(root, LlmService.Mode.ONLINE);
  }

  /** A workspace whose llm_text columns may send requests (online) or read only the cache. */
  Workspace(SyngenCommand root, LlmService.Mode llmMode) {
    this.scenarios = new ScenarioFiles(root.scenariosDir);
    this.targets = new TargetFiles(root.targetsDir, root.env);
    this.history = new FileRunRepository(root.historyDir);
    this.root = root;
    this.llmMode = llmMode;
    this.corpora =
        new CorpusDirectory(root.corporaDir)
            .then(new BundledCorpora(root.scenariosDir.resolve("corpora")));
    this.generators =
        GeneratorRegistry.builtins().with(LlmText.factory(this::llm), CorpusPick.factory(corpora));
    this.compiler = new PlanCompiler(generators);
  }

  /**
   * The LLM providers, transport and answer cache, read when first needed: a plan without {@code
   * llm_text} columns never reads the provider profiles or opens the cache.
   */
  synchronized LlmService llm() {
    if (llm == null) {
      Map<String, LlmProvider> providers;
      try {
        providers = LlmFiles.read(root.llmDir);
      } catch (ValidationException e) {
        // read while a plan compiles, whose problems would keep the paths but drop the file's name
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      llm =
          new LlmService(
              providers,
              new OpenAiChatTransport(),
              new FileLlmCache(root.llmCacheDir),
              root.env,
              llmMode);
      llm.budget(llmBudget);
    }
    return llm;
  }

  /** The caps of this run's LLM requests, applied when the service is (or was) created. */
  synchronized void llmBudget(LlmBudget budget) {
    llmBudget = budget;
    if (llm != null) {
      llm.budget(budget);
    }
  }

  /** Whether the compiled plan has llm_text columns (without creating the service). */
  synchronized boolean usesLlm() {
    return llm != null && !llm.columns().isEmpty();
  }

  /** What the run's llm_text columns used; empty when none was compiled. */
  synchronized LlmUsage llmUsage() {
    return llm == null ? new LlmUsage() : llm.usage();
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
  /** What a run request means, decided by the core as it is for the server. */
  RunRules rules() {
    return new RunRules(
        compiler,
        generators,
        new RunRules.Limits(Targets.MESSAGE_KINDS, PayloadTemplates::problem, Long.MAX_VALUE, ""));
  }

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
