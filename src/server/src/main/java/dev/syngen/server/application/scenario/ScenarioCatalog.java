package dev.syngen.server.application.scenario;

import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.io.yaml.JsonSchemaFiles;
import dev.syngen.io.yaml.YamlDocuments;
import dev.syngen.server.infrastructure.config.SyngenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The scenarios under the configured directory. Ids are allow-listed and every file is checked to
 * lie inside the directory (symbolic links included), so no request can read anything else. A file
 * is parsed and validated again only when its size or modification time changes, so pages that list
 * the catalogue stay cheap while edits still show at once. An entity's {@code schema_file} is read
 * from this directory (or below it), never from outside.
 */
@ApplicationScoped
public class ScenarioCatalog {
  /** What a scenario or target id may look like. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,63}");

  @Inject SyngenSettings settings;
  @Inject PlanCompiler compiler;

  /** A parsed file and the size and time it had when read. */
  private record Parsed(long size, FileTime modified, ScenarioFile file) {}

  private final Map<Path, Parsed> parsed = new ConcurrentHashMap<>();

  public List<ScenarioFile> list() {
    List<Path> files = files();
    parsed.keySet().retainAll(files);
    List<ScenarioFile> out = new ArrayList<>();
    for (Path f : files) {
      out.add(read(f));
    }
    return out;
  }

  /**
   * The scenario with this id: the file {@code <id>.yaml} or one whose {@code id} field matches.
   */
  public Optional<ScenarioFile> find(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return Optional.empty();
    }
    List<Path> files = files();
    for (Path f : files) {
      if (stem(f).equals(id)) {
        return Optional.of(read(f));
      }
    }
    return files.stream().map(this::read).filter(s -> id.equals(s.id())).findFirst();
  }

  private ScenarioFile read(Path f) {
    try {
      long size = Files.size(f);
      FileTime modified = Files.getLastModifiedTime(f);
      Parsed p = parsed.get(f);
      if (p != null
          && p.size() == size
          && p.modified().equals(modified)
          && !usesCorpora(p)
          && !namesSchemaFiles(p)) {
        return p.file();
      }
      ScenarioFile file = parse(f);
      parsed.put(f, new Parsed(size, modified, file));
      return file;
    } catch (IOException e) {
      return invalid(f, "", "cannot be read: " + e.getMessage());
    }
  }

  /**
   * Whether a parsed scenario names corpora: its validity then depends on corpora uploaded or
   * deleted since, so it is checked again rather than taken from the cache.
   */
  private static boolean usesCorpora(Parsed p) {
    return p.file().scenario() != null
        && !dev.syngen.core.corpus.CorpusUsage.names(p.file().scenario()).isEmpty();
  }

  /**
   * Whether a parsed scenario may name a schema_file: the schema file can change without the
   * scenario file, so it is read again rather than taken from the cache.
   */
  private static boolean namesSchemaFiles(Parsed p) {
    return p.file().document().contains("schema_file");
  }

  private ScenarioFile parse(Path f) {
    String text;
    try {
      if (Files.size(f) > YamlDocuments.MAX_CHARS) {
        return invalid(f, "", "the file is larger than " + YamlDocuments.MAX_CHARS + " bytes");
      }
      text = Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return invalid(f, "", "cannot be read: " + e.getMessage());
    }
    Problems problems = new Problems();
    // schema_file is resolved in the scenario directory and below, never outside it (no '..',
    // no absolute path, no symbolic link out); a scenario sent in a request cannot name one
    Scenario s =
        ScenarioDocuments.read(
            text, stem(f), "", problems, JsonSchemaFiles.in(settings.scenariosDir()));
    if (s != null) {
      compiler.compile(s, RunOverrides.NONE, problems);
    }
    String id = s == null ? stem(f) : s.id();
    return new ScenarioFile(id, f.getFileName().toString(), text, s, problems.list());
  }

  private static ScenarioFile invalid(Path f, String text, String message) {
    return new ScenarioFile(
        stem(f),
        f.getFileName().toString(),
        text,
        null,
        List.of(new Problem("(file)", message, "fix or remove the file")));
  }

  /** The YAML files directly inside the directory, resolved inside it, sorted by name. */
  private List<Path> files() {
    Path dir = settings.scenariosDir();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      Path real = dir.toRealPath();
      return s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .filter(f -> ID.matcher(stem(f)).matches())
          .filter(f -> inside(f, real))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot list scenarios in " + dir + ": " + e.getMessage(), e);
    }
  }

  static boolean inside(Path file, Path realDir) {
    try {
      return Files.isRegularFile(file) && file.toRealPath().startsWith(realDir);
    } catch (IOException e) {
      return false;
    }
  }

  static String stem(Path f) {
    String n = f.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
