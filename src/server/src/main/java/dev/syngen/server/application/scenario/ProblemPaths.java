package dev.syngen.server.application.scenario;

import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.Problems;
import java.util.List;

/** Re-roots problem paths, so a problem inside a request's {@code scenario} says so. */
public final class ProblemPaths {
  private ProblemPaths() {}

  /** Adds {@code found} to {@code into} with every path under {@code prefix} (empty: as is). */
  public static void copy(List<Problem> found, String prefix, Problems into) {
    for (Problem p : found) {
      into.add(join(prefix, p.path()), p.message(), p.fix());
    }
  }

  static String join(String prefix, String path) {
    if (prefix.isEmpty()) {
      return path;
    }
    if (path == null || path.isEmpty() || path.startsWith("(")) {
      return prefix;
    }
    return path.startsWith("[") ? prefix + path : prefix + "." + path;
  }
}
