package dev.syngen.cli;

import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.llm.LlmService;
import dev.syngen.core.llm.LlmText;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code syngen generators}: the generator catalogue. */
@Command(
    name = "generators",
    description = "List the built-in generators and their parameters.",
    mixinStandardHelpOptions = true)
final class GeneratorsCommand implements java.util.concurrent.Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<List<String>> rows = new ArrayList<>();
    for (GeneratorFactory f :
        GeneratorRegistry.builtins().with(LlmText.factory(LlmService.none())).all()) {
      rows.add(List.of(f.name(), f.summary()));
    }
    Output.table(spec.commandLine().getOut(), List.of("GENERATOR", "WHAT AND PARAMS"), rows);
    return 0;
  }
}
