package dev.syngen.io.yaml;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.TargetProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads target profiles ({@code id, name, kind, dsn, schema, options}) from YAML, expanding {@code
 * ${VAR}} and {@code ${VAR:-default}} from the environment so secrets stay out of files.
 */
public final class TargetFiles {
  private static final Set<String> KEYS = Set.of("id", "name", "kind", "dsn", "schema", "options");
  private static final Pattern VAR =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  private final Path directory;
  private final Function<String, String> env;

  public TargetFiles(Path directory, Function<String, String> env) {
    this.directory = directory;
    this.env = env;
  }

  /** Maps a parsed tree; problems carry paths such as {@code dsn} or {@code options}. */
  public TargetProfile map(Object tree, String fallbackId, Problems problems) {
    if (!(tree instanceof Map<?, ?> raw)) {
      problems.add(
          "(document)", "must be a mapping with id, name, kind, dsn", "see docs/targets.md");
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    raw.forEach((k, v) -> m.put(String.valueOf(k), v));
    for (String k : m.keySet()) {
      if (!KEYS.contains(k)) {
        problems.add(
            k,
            "unknown field '" + k + "'",
            "use only: " + String.join(", ", KEYS.stream().sorted().toList()));
      }
    }
    Map<String, String> options = new LinkedHashMap<>();
    if (m.get("options") instanceof Map<?, ?> o) {
      o.forEach(
          (k, v) ->
              options.put(String.valueOf(k), expand(String.valueOf(v), "options." + k, problems)));
    } else if (m.get("options") != null) {
      problems.add("options", "must be a mapping", "write options: {key: value}");
    }
    String kind = text(m, "kind", problems, true);
    String id = text(m, "id", problems, false);
    return new TargetProfile(
        id == null ? fallbackId : id,
        m.get("name") == null ? (id == null ? fallbackId : id) : String.valueOf(m.get("name")),
        kind == null ? null : kind.trim().toLowerCase(java.util.Locale.ROOT),
        text(m, "dsn", problems, true),
        text(m, "schema", problems, false),
        options);
  }

  public TargetProfile read(Path file, Problems problems) {
    Object tree = YamlDocuments.parse(ScenarioFiles.readBounded(file), "target '" + file + "'");
    return map(tree, ScenarioFiles.stem(file), problems);
  }

  /** Resolves an id (file in the directory or matching id field) or a path; null if absent. */
  public Path find(String idOrPath) {
    Path p = Path.of(idOrPath);
    if (Files.isRegularFile(p)) {
      return p;
    }
    for (String ext : List.of(".yaml", ".yml")) {
      Path f = directory.resolve(idOrPath + ext);
      if (Files.isRegularFile(f)) {
        return f;
      }
    }
    for (Path f : files()) {
      try {
        TargetProfile t = read(f, new Problems());
        if (t != null && idOrPath.equals(t.id())) {
          return f;
        }
      } catch (RuntimeException e) {
        // not the one asked for
      }
    }
    return null;
  }

  public List<Path> files() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(directory)) {
      return s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + directory + ": " + e.getMessage(), e);
    }
  }

  private String text(Map<String, Object> m, String key, Problems problems, boolean required) {
    Object v = m.get(key);
    if (v == null || String.valueOf(v).isBlank()) {
      if (required) {
        problems.add(
            key,
            "is missing",
            "set "
                + key
                + (key.equals("kind")
                    ? " to one of sqlite, postgres, csv, ndjson, kafka, nats, jms, http"
                    : ""));
      }
      return null;
    }
    return expand(String.valueOf(v), key, problems);
  }

  private String expand(String s, String path, Problems problems) {
    Matcher mt = VAR.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (mt.find()) {
      String value = env.apply(mt.group(1));
      if (value == null) {
        value = mt.group(2);
      }
      if (value == null) {
        problems.add(
            path,
            "environment variable " + mt.group(1) + " is not set",
            "export " + mt.group(1) + " or write ${" + mt.group(1) + ":-default}");
        value = "";
      }
      mt.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    mt.appendTail(sb);
    return sb.toString();
  }
}
