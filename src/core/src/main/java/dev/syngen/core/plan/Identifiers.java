package dev.syngen.core.plan;

import java.util.regex.Pattern;

/**
 * The allow-list for names that end up in SQL, file names or subjects: a letter or underscore, then
 * letters, digits or underscores, at most 63 characters (PostgreSQL's limit).
 */
public final class Identifiers {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private Identifiers() {}

  public static boolean isSafe(String s) {
    return s != null && SAFE.matcher(s).matches();
  }

  /** Returns {@code s} if safe, else throws: a last guard where SQL is built. */
  public static String require(String s) {
    if (!isSafe(s)) {
      throw new IllegalArgumentException("unsafe identifier: '" + s + "'");
    }
    return s;
  }

  public static final String RULE =
      "use letters, digits and underscores, starting with a letter or underscore (max 63)";
}
