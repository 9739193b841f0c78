package dev.syngen.core.corpus;

import dev.syngen.core.problem.Problems;
import java.util.regex.Pattern;

/** What a corpus may be called: a name that is safe as a file name and in a URL path. */
public final class CorpusNames {
  private static final Pattern SAFE = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
  public static final String RULE =
      "use 1-64 lower-case letters, digits, '_' or '-', starting with a letter (e.g. city_names)";

  private CorpusNames() {}

  public static boolean isSafe(String name) {
    return name != null && SAFE.matcher(name).matches();
  }

  /** Adds a problem under {@code field} unless {@code name} is safe. */
  public static void check(String name, String field, Problems problems) {
    if (name == null || name.isBlank()) {
      problems.add(field, "is missing", RULE);
    } else if (!isSafe(name)) {
      problems.add(field, "'" + name + "' is not a valid corpus name", RULE);
    }
  }
}
