package dev.syngen.core.corpus;

import dev.syngen.core.scenario.Column;
import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.Scenario;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Which corpora a scenario names, in any generator of any column (nested ones included). */
public final class CorpusUsage {
  private CorpusUsage() {}

  public static Set<String> names(Scenario scenario) {
    Set<String> out = new TreeSet<>();
    for (Entity e : scenario.entities()) {
      for (Column c : e.columns()) {
        visit(c.generator().type(), c.generator().params(), out);
      }
    }
    return out;
  }

  private static void visit(Object type, Object params, Set<String> out) {
    if ("corpus".equals(type) && params instanceof Map<?, ?> m && m.get("name") != null) {
      out.add(String.valueOf(m.get("name")));
    }
    walk(params, out);
  }

  private static void walk(Object node, Set<String> out) {
    if (node instanceof Map<?, ?> m) {
      if (m.get("type") != null) {
        visit(m.get("type"), m.get("params"), out);
      }
      m.forEach(
          (k, v) -> {
            if (!"params".equals(k)) {
              walk(v, out);
            }
          });
    } else if (node instanceof Collection<?> c) {
      c.forEach(v -> walk(v, out));
    }
  }
}
