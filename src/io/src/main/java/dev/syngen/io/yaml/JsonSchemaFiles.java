package dev.syngen.io.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.scenario.SchemaFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads an entity's {@code schema_file} (JSON, or YAML when it ends in .yaml/.yml) from the
 * scenario's own directory: relative paths only, resolved without leaving that directory (also
 * through symbolic links), within the size limit of scenario files.
 */
public final class JsonSchemaFiles implements SchemaFiles {
  private final Path directory;

  /**
   * Made when a scenario first reads a JSON schema file: other scenarios never load data binding.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  JsonSchemaFiles(Path directory) {
    this.directory = directory;
  }

  /** Reads schema files from {@code directory} and below, never outside it. */
  public static JsonSchemaFiles in(Path directory) {
    return new JsonSchemaFiles(directory);
  }

  @Override
  public Object read(String file, String path, Problems problems) {
    Path resolved = inside(file);
    if (resolved == null) {
      problems.add(
          path,
          "'" + file + "' is not a file inside the scenario's directory",
          "give a path relative to the scenario file, without '..', e.g. schemas/order.json");
      return null;
    }
    if (!Files.isRegularFile(resolved)) {
      problems.add(path, "there is no file '" + file + "' beside the scenario", "fix the name");
      return null;
    }
    try {
      String text = ScenarioFiles.readBounded(resolved);
      if (file.endsWith(".yaml") || file.endsWith(".yml")) {
        return YamlDocuments.parse(text, "schema '" + file + "'");
      }
      return Json.MAPPER.readValue(text, Map.class);
    } catch (JsonProcessingException e) {
      problems.add(
          path,
          "'" + file + "' is not JSON: " + e.getOriginalMessage(),
          "fix the file, or name it .yaml if it is YAML");
    } catch (ValidationException | IllegalArgumentException e) {
      problems.add(path, "'" + file + "' cannot be read: " + e.getMessage(), "fix the file");
    } catch (IOException e) {
      problems.add(path, "'" + file + "' cannot be read: " + e.getMessage(), "fix the file");
    }
    return null;
  }

  /** Reads a JSON Schema file named on the command line (JSON, or YAML by its extension). */
  public static Object readFile(Path file) {
    Problems problems = new Problems();
    Path abs = file.toAbsolutePath();
    Object schema =
        new JsonSchemaFiles(abs.getParent()).read(abs.getFileName().toString(), "(file)", problems);
    problems.throwIfAny("JSON Schema " + file);
    return schema;
  }

  /** An entity name from a file name: order.schema.json gives order. */
  public static String entityName(Path file) {
    String n = file.getFileName().toString().replaceFirst("(\\.schema)?\\.(json|ya?ml)$", "");
    n = n.replaceAll("[^A-Za-z0-9_]", "_");
    if (n.isEmpty() || !Character.isLetter(n.charAt(0)) && n.charAt(0) != '_') {
      n = "record_" + n;
    }
    return n.length() > 63 ? n.substring(0, 63) : n;
  }

  /** The file within the directory, or null when the name would leave it. */
  private Path inside(String file) {
    try {
      Path rel = Path.of(file);
      if (rel.isAbsolute() || file.contains("..") || file.contains("\\")) {
        return null;
      }
      Path dir = directory.toRealPath();
      Path p = dir.resolve(rel).normalize();
      if (!p.startsWith(dir)) {
        return null;
      }
      return Files.exists(p) && !p.toRealPath().startsWith(dir) ? null : p;
    } catch (IOException | java.nio.file.InvalidPathException e) {
      return null;
    }
  }
}
