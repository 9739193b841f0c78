package dev.syngen.core.scenario;

import dev.syngen.core.problem.Problems;

/**
 * Reads the JSON Schema an entity names by {@code schema_file}, relative to the scenario's own
 * file. Implementations refuse paths that leave the scenario's directory.
 */
@FunctionalInterface
public interface SchemaFiles {
  /** Scenarios that do not come from a file (inline, REST): schema_file cannot be resolved. */
  SchemaFiles NONE =
      (file, path, problems) -> {
        problems.add(
            path,
            "schema_file is read only for scenario files the command line loads",
            "give the schema inline as schema: {…}");
        return null;
      };

  /** The parsed schema of {@code file}, or null with a problem at {@code path}. */
  Object read(String file, String path, Problems problems);
}
