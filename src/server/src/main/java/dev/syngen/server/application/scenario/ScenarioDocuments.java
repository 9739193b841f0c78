package dev.syngen.server.application.scenario;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.scenario.ScenarioMapper;
import dev.syngen.core.scenario.SchemaFiles;
import dev.syngen.io.yaml.YamlDocuments;

/** Reads a scenario document (YAML or JSON text), reporting problems under a path prefix. */
public final class ScenarioDocuments {
  private ScenarioDocuments() {}

  /**
   * The scenario of {@code document}, or null when it does not parse or map; every problem is added
   * to {@code problems} with its path under {@code prefix}.
   */
  public static Scenario read(
      String document, String fallbackId, String prefix, Problems problems) {
    return read(document, fallbackId, prefix, problems, SchemaFiles.NONE);
  }

  /**
   * As {@link #read(String, String, String, Problems)}, reading schema_file through {@code files}.
   */
  public static Scenario read(
      String document, String fallbackId, String prefix, Problems problems, SchemaFiles files) {
    Object tree;
    try {
      tree = YamlDocuments.parse(document, "scenario");
    } catch (ValidationException e) {
      problems.addUnder(prefix, e.problems());
      return null;
    }
    Problems found = new Problems();
    Scenario s = ScenarioMapper.map(tree, fallbackId, found, files);
    problems.addUnder(prefix, found.list());
    return found.isEmpty() ? s : null;
  }
}
