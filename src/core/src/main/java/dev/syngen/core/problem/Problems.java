package dev.syngen.core.problem;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while a document is checked, so all of them are reported together. */
public final class Problems {
  private final List<Problem> list = new ArrayList<>();

  public void add(String path, String message, String fix) {
    list.add(new Problem(path, message, fix));
  }

  /**
   * Adds {@code found} with every path re-rooted under {@code prefix} (empty: as is), so a problem
   * inside a request's {@code scenario} says so.
   */
  public void addUnder(String prefix, List<Problem> found) {
    for (Problem p : found) {
      add(join(prefix, p.path()), p.message(), p.fix());
    }
  }

  /** {@code prefix} and {@code path} joined: {@code scenario.entities[0]}, {@code target[1]}. */
  public static String join(String prefix, String path) {
    if (prefix.isEmpty()) {
      return path;
    }
    if (path == null || path.isEmpty() || path.startsWith("(")) {
      return prefix;
    }
    return path.startsWith("[") ? prefix + path : prefix + "." + path;
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  public List<Problem> list() {
    return List.copyOf(list);
  }

  public void throwIfAny(String subject) {
    if (!list.isEmpty()) {
      throw new ValidationException(subject, list);
    }
  }
}
