package dev.syngen.core.scenario;

import dev.syngen.core.problem.Problems;

/**
 * Reads the JSON Schema an entity names by {@code schema_file}, relative to the scenario's own
 * file. Implementations refuse paths that leave the scenario's directory.
 */
@FunctionalInterface
public interface SchemaFiles {
  /**
   * Scenarios that do not come from a file (inline, sent over REST or saved from the console):
   * schema_file cannot be resolved, so no request names a file on the server.
   */
  SchemaFiles NONE =
      (file, path, problems) -> {
        problems.add(
            path,
            "schema_file is read only from scenario files (the command line's, or those in the"
                + " server's scenario directory), not from a scenario sent in a request",
            "give the schema inline as schema: {…}");
        return null;
      };

  /** The parsed schema of {@code file}, or null with a problem at {@code path}. */
  Object read(String file, String path, Problems problems);
}
