package dev.syngen.core.problem;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while a document is checked, so all of them are reported together. */
public final class Problems {
  private final List<Problem> list = new ArrayList<>();

  public void add(String path, String message, String fix) {
    list.add(new Problem(path, message, fix));
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
