package dev.syngen.io.yaml;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.sink.Redactor;
import java.nio.file.Path;

/**
 * Outside text must end in a scenario or a target profile, or in a {@link ValidationException}
 * listing its problems — never in any other exception, a hang or a crash. In {@code ./verify} these
 * run the stored inputs under {@code ScenarioYamlFuzzTestInputs}; {@code JAZZER_FUZZ=1} fuzzes them
 * (docs/testing.md).
 */
class ScenarioYamlFuzzTest {
  private static final PlanCompiler COMPILER = new PlanCompiler(GeneratorRegistry.builtins());

  @FuzzTest(maxDuration = "30s")
  void scenarioYamlIsAScenarioOrProblems(FuzzedDataProvider data) {
    scenario(data.consumeRemainingAsString());
  }

  private static void scenario(String yaml) {
    Scenario s;
    try {
      s = ScenarioFiles.parse(yaml, "fuzz");
    } catch (ValidationException e) {
      return;
    }
    Problems problems = new Problems();
    COMPILER.compile(s, RunOverrides.NONE, problems);
  }

  @FuzzTest(maxDuration = "30s")
  void expressionsCompileOrReportAProblem(FuzzedDataProvider data) {
    String expr = data.consumeRemainingAsString();
    String yaml =
        "id: fx\nentities:\n  - name: t\n    rows: 3\n    columns:\n"
            + "      - {name: a, type: int, generator: {type: uniform_int, params: {min: 1, max: 9}}}\n"
            + "      - {name: b, type: string, generator: {type: pattern, params: {pattern: 'X##'}}}\n"
            + "      - name: e\n        type: string\n        generator:\n          type: expression\n"
            + "          params: {expr: "
            + quoted(expr)
            + "}\n";
    scenario(yaml);
  }

  @FuzzTest(maxDuration = "30s")
  void targetProfilesAreProfilesOrProblems(FuzzedDataProvider data) {
    String yaml = data.consumeRemainingAsString();
    Object tree;
    try {
      tree = YamlDocuments.parse(yaml, "fuzz target");
    } catch (ValidationException e) {
      return;
    }
    Problems problems = new Problems();
    new TargetFiles(Path.of("targets"), name -> null).map(tree, "fuzz", problems);
    Redactor.text(yaml);
  }

  private static String quoted(String s) {
    return "'" + s.replace("'", "''").replace("\n", " ") + "'";
  }
}
