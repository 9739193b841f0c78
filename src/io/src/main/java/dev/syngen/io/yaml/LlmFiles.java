package dev.syngen.io.yaml;

import dev.syngen.core.llm.LlmProvider;
import dev.syngen.core.llm.LlmProviders;
import dev.syngen.core.problem.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads LLM provider profiles: one YAML file per provider in a directory ({@code llm/}). */
public final class LlmFiles {
  private LlmFiles() {}

  /**
   * Every provider in {@code directory} by id (none if it does not exist); throws a
   * ValidationException naming the file and every problem if one is invalid.
   */
  public static Map<String, LlmProvider> read(Path directory) {
    Map<String, LlmProvider> providers = new TreeMap<>();
    if (!Files.isDirectory(directory)) {
      return providers;
    }
    try (Stream<Path> s = Files.list(directory)) {
      for (Path f :
          s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
              .sorted()
              .toList()) {
        Problems problems = new Problems();
        Object tree = YamlDocuments.parse(ScenarioFiles.readBounded(f), "llm provider '" + f + "'");
        LlmProvider p = LlmProviders.parse(tree, ScenarioFiles.stem(f), problems);
        if (p != null && providers.containsKey(p.id())) {
          problems.add("llm.id", "another file already defines '" + p.id() + "'", "rename one");
        }
        problems.throwIfAny("llm provider '" + f + "'");
        providers.put(p.id(), p);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + directory + ": " + e.getMessage(), e);
    }
    return providers;
  }
}
