package dev.syngen.io.message;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.TargetProfile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a target profile's {@code options} with defaults and checks, reporting each problem at
 * {@code options.<key>} with a fix, and every option it was never asked about as unknown.
 */
public final class OptionReader {
  private final TargetProfile profile;
  private final Problems problems;
  private final Set<String> known = new HashSet<>();
  private final List<String> prefixes = new ArrayList<>();

  public OptionReader(TargetProfile profile, Problems problems) {
    this.profile = profile;
    this.problems = problems;
  }

  /** Reads a sink's settings for opening it; an invalid profile throws with every problem. */
  public static <T> T readValid(
      TargetProfile profile, java.util.function.BiFunction<TargetProfile, OptionReader, T> read) {
    Problems problems = new Problems();
    T settings = read.apply(profile, new OptionReader(profile, problems));
    dev.syngen.core.sink.SinkException.throwIfInvalid(profile, problems);
    return settings;
  }

  public Problems problems() {
    return problems;
  }

  public String text(String key, String dflt) {
    known.add(key);
    return profile.options().getOrDefault(key, dflt);
  }

  public long number(String key, long dflt, long min, long max) {
    String v = text(key, null);
    if (v == null) {
      return dflt;
    }
    try {
      long n = Long.parseLong(v.trim().replace("_", ""));
      if (n < min || n > max) {
        problems.add(
            path(key), "is " + n + ", outside " + min + ".." + max, "use a value in range");
        return dflt;
      }
      return n;
    } catch (NumberFormatException e) {
      problems.add(path(key), "'" + v + "' is not a whole number", "write e.g. " + dflt);
      return dflt;
    }
  }

  public boolean bool(String key, boolean dflt) {
    String v = text(key, null);
    if (v == null) {
      return dflt;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> {
        problems.add(path(key), "'" + v + "' is not a boolean", "write true or false");
        yield dflt;
      }
    };
  }

  public String oneOf(String key, String dflt, String... allowed) {
    String v = text(key, dflt);
    String n = v == null ? null : v.trim().toLowerCase(Locale.ROOT);
    if (n != null && !List.of(allowed).contains(n)) {
      problems.add(
          path(key), "'" + v + "' is not allowed", "use one of " + String.join(", ", allowed));
      return dflt;
    }
    return n;
  }

  /** Options under {@code prefix} (e.g. {@code header.}), keyed by the rest of their name. */
  public Map<String, String> under(String prefix) {
    prefixes.add(prefix);
    Map<String, String> m = new java.util.TreeMap<>();
    profile
        .options()
        .forEach(
            (k, v) -> {
              if (k.startsWith(prefix) && k.length() > prefix.length()) {
                m.put(k.substring(prefix.length()), v);
              }
            });
    return m;
  }

  /** Reports every option that no read asked for. Call after all reads. */
  public void rejectUnknown() {
    for (String k : new java.util.TreeSet<>(profile.options().keySet())) {
      if (!known.contains(k) && prefixes.stream().noneMatch(k::startsWith)) {
        List<String> all = new ArrayList<>(new java.util.TreeSet<>(known));
        prefixes.forEach(p -> all.add(p + "*"));
        problems.add(
            path(k),
            "unknown option '" + k + "' for kind " + profile.kind(),
            "remove it; options for " + profile.kind() + " are " + String.join(", ", all));
      }
    }
  }

  public void add(String key, String message, String fix) {
    problems.add(path(key), message, fix);
  }

  private static String path(String key) {
    return "options." + key;
  }
}
