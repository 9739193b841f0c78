package dev.syngen.server.infrastructure.health;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which targets readiness counts ({@code syngen.health.targets}): a comma-separated list of target
 * ids where {@code *} matches any run of characters ({@code *} alone: every target; empty or {@code
 * none}: no target, the default).
 */
final class RequiredTargets {
  private final List<Pattern> patterns;

  RequiredTargets(String setting) {
    String s = setting == null ? "" : setting.trim();
    this.patterns =
        s.isEmpty() || s.equalsIgnoreCase("none")
            ? List.of()
            : Arrays.stream(s.split(","))
                .map(String::trim)
                .filter(p -> !p.isEmpty())
                .map(RequiredTargets::glob)
                .toList();
  }

  boolean watches(String targetId) {
    return patterns.stream().anyMatch(p -> p.matcher(targetId).matches());
  }

  private static Pattern glob(String g) {
    return Pattern.compile(
        Arrays.stream(g.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
  }
}
