package dev.syngen.server.interfaces.console;

import dev.syngen.core.fidelity.Band;
import dev.syngen.core.fidelity.Check;
import dev.syngen.core.fidelity.FidelityReport;
import dev.syngen.server.interfaces.view.RunView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The guided prompts of a fidelity report: what its failures most likely mean and, where one
 * exists, the one-click fix — check again at a looser tolerance, re-run into emptied tables or at a
 * bigger scale with the same seed, test the target, or open the scenario in the editor.
 */
final class FidelityAdvisor {
  /** Checks that compare a measured shape with the declared one, within the tolerance band. */
  static final Set<String> STATISTICAL =
      Set.of(
          "distribution",
          "percentiles",
          "shares",
          "null_rate",
          "correlation",
          "children_per_parent");

  /** Checks whose failure is in the scenario or the target, not in sampling noise. */
  static final Set<String> STRUCTURAL = Set.of("fk", "type", "values", "unique", "uniqueness");

  /** Below this many rows in a table, its statistics are noisy. */
  static final long FEW_ROWS = 1_000;

  private FidelityAdvisor() {}

  static List<FidelityPrompt> prompts(FidelityReport r, RunView run) {
    List<FidelityPrompt> out = new ArrayList<>();
    List<Check> failed = r.checks().stream().filter(Check::failed).toList();
    looserBand(r, failed, out);
    rowCounts(r.checks(), run, out);
    smallSample(r, run, out);
    unreadable(failed, run, out);
    structural(failed, run, out);
    return out;
  }

  /** Statistical failures within a looser band: one click judges the run at that band. */
  static void looserBand(FidelityReport r, List<Check> failed, List<FidelityPrompt> out) {
    Band band = Band.parse(r.band()).orElse(Band.NORMAL);
    List<Check> statistical = failed.stream().filter(c -> STATISTICAL.contains(c.kind())).toList();
    for (Band looser : Band.values()) {
      if (looser.tolerance() <= band.tolerance() || statistical.isEmpty()) {
        continue;
      }
      double factor = looser.tolerance() / band.tolerance();
      long within =
          statistical.stream()
              .filter(
                  c ->
                      c.deviation() != null
                          && c.allowed() != null
                          && c.deviation() <= c.allowed() * factor)
              .count();
      if (within > 0) {
        out.add(
            new FidelityPrompt(
                "warn",
                within
                    + " of "
                    + statistical.size()
                    + " failed shape checks pass at tolerance "
                    + looser.label(),
                "They deviate from the declared shape by more than "
                    + band.label()
                    + " allows ("
                    + Math.round(band.tolerance() * 100)
                    + " %) but within "
                    + looser.label()
                    + " ("
                    + Math.round(looser.tolerance() * 100)
                    + " %). If the scenario's shapes are approximations, judge the run at "
                    + looser.label()
                    + "; if they are exact, the generator parameters need a look.",
                "Check again at " + looser.label(),
                null,
                looser.label()));
        return;
      }
    }
  }

  /** More rows than written: an earlier run's rows are still there; fewer: rows went missing. */
  static void rowCounts(List<Check> checks, RunView run, List<FidelityPrompt> out) {
    for (Check c : checks) {
      if (!"row_count".equals(c.kind()) || c.status() == Check.Status.PASS || run == null) {
        continue;
      }
      long expected = number(c.expected());
      long observed = number(c.observed());
      if (observed > expected && expected >= 0) {
        out.add(
            FidelityPrompt.link(
                "warn",
                c.subject() + " holds " + observed + " rows; the run wrote " + expected,
                "The table kept rows from before this run (table mode "
                    + run.mode()
                    + "). Re-running the same scenario and seed into emptied tables"
                    + " (truncate_then_insert) reproduces exactly this run's data.",
                "Re-run into emptied tables",
                newRun(run, null) + "&mode=truncate_then_insert"));
        return;
      }
      out.add(
          FidelityPrompt.link(
              "error",
              c.subject() + " holds fewer rows than the run wrote",
              c.message() + " Something removed rows after the run, or it did not finish.",
              "Open the run",
              "run.xhtml?id=" + enc(run.id())));
      return;
    }
  }

  /** Shape checks on a few hundred rows are noise; the same seed at a bigger scale is not. */
  static void smallSample(FidelityReport r, RunView run, List<FidelityPrompt> out) {
    boolean shaky =
        r.checks().stream()
            .anyMatch(c -> STATISTICAL.contains(c.kind()) && c.status() != Check.Status.PASS);
    long fewest =
        r.tables().stream()
            .mapToLong(FidelityReport.TableSummary::observedRows)
            .filter(n -> n > 0)
            .min()
            .orElse(Long.MAX_VALUE);
    Double scale = scale(run);
    if (!shaky || fewest >= FEW_ROWS || run == null || scale == null || scale >= 1) {
      return;
    }
    double bigger = Math.min(1, scale * 10);
    out.add(
        FidelityPrompt.link(
            "info",
            "Some tables hold only " + fewest + " rows",
            "Distribution and share checks on so few rows are noisy: this run was at scale "
                + scale
                + ". The same seed at scale "
                + bigger
                + " gives the tests enough rows to tell a wrong shape from chance.",
            "Re-run at scale " + bigger,
            newRun(run, bigger)));
  }

  static void unreadable(List<Check> failed, RunView run, List<FidelityPrompt> out) {
    if (run == null || failed.stream().noneMatch(c -> "unreadable".equals(c.observed()))) {
      return;
    }
    out.add(
        FidelityPrompt.link(
            "error",
            "Tables of target " + run.targetId() + " could not be read",
            "The check reads the data back from the target; test the target to see whether it"
                + " is reachable and what syngen may do there.",
            "Test target " + run.targetId(),
            "targets.xhtml?test=" + enc(run.targetId())));
  }

  static void structural(List<Check> failed, RunView run, List<FidelityPrompt> out) {
    List<Check> wrong = failed.stream().filter(c -> STRUCTURAL.contains(c.kind())).toList();
    if (wrong.isEmpty() || run == null) {
      return;
    }
    out.add(
        FidelityPrompt.link(
            "error",
            wrong.size() + " key, type or value checks failed",
            "First: "
                + wrong.get(0).subject()
                + " — "
                + wrong.get(0).message()
                + " These do not depend on sampling: the scenario or the target's tables"
                + " disagree with what was written.",
            "Open scenario " + run.scenarioId() + " in the editor",
            "scenario-editor.xhtml?id=" + enc(run.scenarioId())));
  }

  private static String newRun(RunView run, Double scale) {
    return "new-run.xhtml?scenario="
        + enc(run.scenarioId())
        + "&target="
        + enc(run.targetId())
        + "&seed="
        + run.seed()
        + (scale == null ? "" : "&scale=" + scale);
  }

  private static Double scale(RunView run) {
    Object s = run == null || run.overrides() == null ? null : run.overrides().get("scale");
    if (s instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return s == null ? null : Double.valueOf(String.valueOf(s));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The first whole number in {@code text} ("10 rows" → 10), or -1. */
  static long number(String text) {
    if (text == null) {
      return -1;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(text);
    return m.find() ? Long.parseLong(m.group()) : -1;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }
}
