package dev.syngen.io.yaml;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.scenario.ScenarioMapper;
import dev.syngen.core.scenario.SchemaFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads scenarios from YAML text, files, and a scenarios directory (by id or path). */
public final class ScenarioFiles {
  private final Path directory;

  public ScenarioFiles(Path directory) {
    this.directory = directory;
  }

  /** Parses and maps YAML text; shape problems throw {@link ValidationException}. */
  public static Scenario parse(String yaml, String fallbackId) {
    return parse(yaml, fallbackId, SchemaFiles.NONE);
  }

  private static Scenario parse(String yaml, String fallbackId, SchemaFiles schemas) {
    Object tree = YamlDocuments.parse(yaml, "scenario '" + fallbackId + "'");
    Problems problems = new Problems();
    Scenario s = ScenarioMapper.map(tree, fallbackId, problems, schemas);
    problems.throwIfAny("scenario '" + s.id() + "'");
    return s;
  }

  /** Reads a scenario file; its entities' {@code schema_file}s are read beside it. */
  public static Scenario read(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    return parse(readBounded(file), stem(file), new JsonSchemaFiles(dir));
  }

  /** Resolves an id (a file in the directory, or a scenario whose id field matches) or a path. */
  public Scenario load(String idOrPath) {
    Path p = Path.of(idOrPath);
    if (idOrPath.endsWith(".yaml") || idOrPath.endsWith(".yml") || idOrPath.contains("/")) {
      if (Files.isRegularFile(p)) {
        return read(p);
      }
    }
    for (String ext : List.of(".yaml", ".yml")) {
      Path f = directory.resolve(idOrPath + ext);
      if (Files.isRegularFile(f)) {
        return read(f);
      }
    }
    for (Path f : files()) {
      try {
        Scenario s = read(f);
        if (idOrPath.equals(s.id())) {
          return s;
        }
      } catch (ValidationException e) {
        // an invalid file is not the one asked for; `scenario list` reports it
      }
    }
    throw new IllegalArgumentException(
        "no scenario '"
            + idOrPath
            + "' in "
            + directory
            + " (and no such file); run `syngen scenario list`");
  }

  /**
   * Loads a scenario by id only from the directory (never an arbitrary path): for callers such as
   * the server, where the id comes from a client and must not escape the directory.
   */
  public Scenario loadId(String id) {
    if (id == null || !id.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}") || id.contains("..")) {
      throw new IllegalArgumentException(
          "'" + id + "' is not a scenario id; use letters, digits, '.', '-' and '_'");
    }
    return load(
        id.endsWith(".yaml") || id.endsWith(".yml") ? directory.resolve(id).toString() : id);
  }

  /** The scenario files of the directory, sorted by name. */
  public List<Path> files() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(directory)) {
      return new ArrayList<>(
          s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
              .sorted()
              .toList());
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + directory + ": " + e.getMessage(), e);
    }
  }

  public Path directory() {
    return directory;
  }

  static String readBounded(Path file) {
    try {
      long size = Files.size(file);
      if (size > YamlDocuments.MAX_CHARS * 4L) {
        throw new ValidationException(
            file.toString(),
            List.of(
                new dev.syngen.core.problem.Problem(
                    "(file)",
                    "the file is " + size + " bytes, larger than the limit",
                    "keep scenario and target files under 2 MB")));
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static String stem(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
