package dev.syngen.cli;

import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.generate.faker.FakerCatalogue;
import dev.syngen.core.generate.faker.FakerCompiler;
import dev.syngen.core.llm.LlmService;
import dev.syngen.core.llm.LlmText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code syngen generators}: the generator catalogue, and with --faker Datafaker's providers. */
@Command(
    name = "generators",
    description = "List the built-in generators and their parameters.",
    mixinStandardHelpOptions = true)
final class GeneratorsCommand implements java.util.concurrent.Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--faker",
      description =
          "List Datafaker's providers and methods instead, as the faker generator names them.")
  boolean faker;

  @Option(
      names = "--provider",
      paramLabel = "NAME",
      description =
          "With --faker: only this provider (e.g. commerce), and say which methods are compiled.")
  String provider;

  @Option(
      names = "--locale",
      defaultValue = "en",
      description =
          "With --faker --provider: the locale to compile for (default: ${DEFAULT-VALUE}).")
  String locale;

  @Override
  public Integer call() {
    if (!faker) {
      if (provider != null) {
        throw new IllegalArgumentException("--provider needs --faker");
      }
      List<List<String>> rows = new ArrayList<>();
      for (GeneratorFactory f :
          GeneratorRegistry.builtins()
              .with(
                  LlmText.factory(LlmService.none()),
                  dev.syngen.core.generate.builtin.CorpusPick.factory(
                      dev.syngen.core.corpus.CorpusCatalog.NONE))
              .all()) {
        rows.add(List.of(f.name(), f.summary()));
      }
      Output.table(spec.commandLine().getOut(), List.of("GENERATOR", "WHAT AND PARAMS"), rows);
      return 0;
    }
    return provider == null ? providers() : methods();
  }

  private int providers() {
    List<List<String>> rows = new ArrayList<>();
    FakerCatalogue.providers()
        .forEach((k, v) -> rows.add(List.of(k, String.join(", ", v.methods().keySet()))));
    Output.table(
        spec.commandLine().getOut(), List.of("PROVIDER", "METHODS (faker: provider.method)"), rows);
    return 0;
  }

  private int methods() {
    Map<String, FakerCatalogue.Provider> all = FakerCatalogue.providers();
    FakerCatalogue.Provider p = all.get(provider.trim().toLowerCase(Locale.ROOT));
    if (p == null) {
      throw new IllegalArgumentException(
          "--provider '"
              + provider
              + "' is not a Datafaker provider"
              + GeneratorRegistry.closest(provider, all.keySet())
                  .map(n -> "; did you mean '" + n + "'?")
                  .orElse("")
              + " (syngen generators --faker lists them)");
    }
    Locale l = Locale.forLanguageTag(locale.replace('_', '-'));
    if (l.getLanguage().isEmpty()) {
      throw new IllegalArgumentException(
          "--locale '" + locale + "' is not a language tag, e.g. de");
    }
    List<List<String>> rows = new ArrayList<>();
    p.methods()
        .forEach(
            (snake, method) -> {
              String expression = "#{" + p.name() + "." + method + "}";
              FakerCompiler.Result r = FakerCompiler.compile(expression, l);
              rows.add(
                  List.of(
                      provider + "." + snake,
                      expression,
                      r.compiled()
                          ? "compiled"
                          : "Datafaker (" + String.join(", ", r.fallbacks()) + ")"));
            });
    Output.table(spec.commandLine().getOut(), List.of("FAKER", "EXPRESSION", "VALUES"), rows);
    return 0;
  }
}
