package dev.syngen.core.generate;

import dev.syngen.core.problem.Problems;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, path-aware access to a generator's raw parameters. Each accessor records a problem (with
 * the parameter's full path and a fix) instead of throwing, so all problems surface together.
 * Parameters nobody asked for are reported as unknown by {@link #reportUnknown}.
 */
public final class Params {
  private final Map<String, Object> raw;
  private final String path;
  private final Problems problems;
  private final Set<String> read = new HashSet<>();
  private int errors;

  public Params(Map<String, Object> raw, String path, Problems problems) {
    this.raw = raw;
    this.path = path;
    this.problems = problems;
  }

  public String path(String name) {
    return path + "." + name;
  }

  /** True when no problem was recorded through these params. */
  public boolean ok() {
    return errors == 0;
  }

  public void problem(String name, String message, String fix) {
    errors++;
    problems.add(name == null ? path : path(name), message, fix);
  }

  public boolean has(String name) {
    read.add(name);
    return raw.get(name) != null;
  }

  public Object raw(String name) {
    read.add(name);
    return raw.get(name);
  }

  public String string(String name, String example) {
    Object v = raw(name);
    if (v == null) {
      problem(name, "is missing", "set " + name + ", e.g. " + name + ": " + example);
      return null;
    }
    if (v instanceof Map || v instanceof List) {
      problem(name, "must be a single value", "set " + name + ", e.g. " + name + ": " + example);
      return null;
    }
    return String.valueOf(v);
  }

  public String string(String name, String example, String dflt) {
    return has(name) ? string(name, example) : dflt;
  }

  public Double number(String name, String example) {
    Object v = raw(name);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    problem(
        name,
        v == null ? "is missing" : "must be a number, got '" + v + "'",
        "set " + name + ", e.g. " + name + ": " + example);
    return null;
  }

  public double number(String name, String example, double dflt) {
    if (!has(name)) {
      return dflt;
    }
    Double d = number(name, example);
    return d == null ? dflt : d;
  }

  public Long whole(String name, String example) {
    Object v = raw(name);
    if (v instanceof Integer || v instanceof Long) {
      return ((Number) v).longValue();
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    problem(
        name,
        v == null ? "is missing" : "must be a whole number, got '" + v + "'",
        "set " + name + ", e.g. " + name + ": " + example);
    return null;
  }

  public long whole(String name, String example, long dflt) {
    if (!has(name)) {
      return dflt;
    }
    Long l = whole(name, example);
    return l == null ? dflt : l;
  }

  public List<?> list(String name, String example) {
    Object v = raw(name);
    if (v instanceof List<?> l && !l.isEmpty()) {
      return l;
    }
    problem(
        name,
        v == null ? "is missing" : "must be a non-empty list",
        "set " + name + ", e.g. " + name + ": " + example);
    return null;
  }

  /** Records a problem for each parameter that was never read. Call after binding. */
  public void reportUnknown(String generator) {
    for (String k : raw.keySet()) {
      if (!read.contains(k)) {
        problem(
            k,
            "is not a parameter of '" + generator + "'",
            "remove it; see docs/generators.md for " + generator + "'s parameters");
      }
    }
  }
}
