package dev.syngen.server.interfaces.console;

import dev.syngen.server.infrastructure.health.Dependency;
import dev.syngen.server.infrastructure.health.DependencyStatus;
import dev.syngen.server.interfaces.view.RunView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Computes the guided prompts from the state of the server: scenarios, recent runs, readiness. */
@ApplicationScoped
public class PromptAdvisor {
  /** A run planned above this many rows gets the suggestion to preview or scale it first. */
  static final long LARGE_RUN_ROWS = 1_000_000;

  /** A running run whose rows have not moved for this long is stuck. */
  static final Duration STUCK = Duration.ofSeconds(30);

  /** A running run that needs more than this to finish is slow. */
  static final long SLOW_ETA_SECONDS = 15 * 60;

  @Inject LiveUpdates live;

  /** The prompts for a state the caller has already read. */
  public List<Prompt> prompts(
      List<ScenarioSummary> scenarios, List<RunView> recent, SystemState system) {
    List<Prompt> out = new ArrayList<>();
    scenarioPrompts(scenarios, out);
    generationPrompts(recent, live::stalled, out);
    qualityPrompts(recent, out);
    troublePrompts(recent, system, out);
    memoryPrompt(live.memoryBound(), out);
    return out;
  }

  /** When the last minute looks memory-bound (see {@code ThroughputHistory.memoryBound}). */
  static void memoryPrompt(String seen, List<Prompt> out) {
    if (seen == null) {
      return;
    }
    out.add(
        new Prompt(
            Prompt.TROUBLE,
            "warn",
            "The server looks memory-bound",
            "In the last minute the "
                + seen
                + ". Give the server more heap (-Xmx in jvm.options, or JAVA_TOOL_OPTIONS in a"
                + " container), or start runs with a lower parallelism"
                + " (syngen.runs.default-parallelism).",
            "See the resource charts",
            "index.xhtml#resources-h"));
  }

  static void scenarioPrompts(List<ScenarioSummary> scenarios, List<Prompt> out) {
    if (scenarios.isEmpty()) {
      out.add(
          new Prompt(
              Prompt.SCENARIOS,
              "warn",
              "No scenarios yet",
              "Put a scenario YAML file into the server's scenarios directory"
                  + " (docs/scenario-format.md shows the format).",
              "Open scenarios",
              "scenarios.xhtml"));
    }
    for (ScenarioSummary s : scenarios) {
      if (!s.valid()) {
        out.add(
            new Prompt(
                Prompt.SCENARIOS,
                "error",
                "Scenario " + s.id() + " does not validate",
                s.problems().get(0).toString(),
                "Show the problems",
                "scenarios.xhtml?id=" + enc(s.id())));
      }
    }
  }

  static void generationPrompts(
      List<RunView> recent, Function<String, Duration> stalled, List<Prompt> out) {
    for (RunView r : recent) {
      if ("running".equals(r.status())) {
        progressPrompt(r, stalled.apply(r.id()), out);
      }
      if (("running".equals(r.status()) || "pending".equals(r.status()))
          && r.progressRowsTotal() > LARGE_RUN_ROWS) {
        out.add(
            new Prompt(
                Prompt.GENERATION,
                "info",
                "Run " + r.id() + " writes " + r.progressRowsTotal() + " rows",
                "Large runs are best previewed first; a scale of 0.1 tries the same scenario at a"
                    + " tenth of the size.",
                "Preview at scale 0.1",
                "new-run.xhtml?scenario="
                    + enc(r.scenarioId())
                    + "&target="
                    + enc(r.targetId())
                    + "&scale=0.1"));
      }
    }
  }

  /** A running run that is stuck (rows not moving) or slow (long ETA), with its bottleneck. */
  static void progressPrompt(RunView r, Duration stalled, List<Prompt> out) {
    String where =
        (r.progressCurrentEntity() == null ? "" : "entity " + r.progressCurrentEntity() + " to ")
            + "target "
            + r.targetId()
            + " ("
            + r.targetKind()
            + ")";
    if (stalled.compareTo(STUCK) >= 0) {
      out.add(
          new Prompt(
              Prompt.GENERATION,
              "warn",
              "Run " + r.id() + " has made no progress for " + stalled.toSeconds() + " s",
              "It is writing "
                  + where
                  + ". Generating rows never waits this long, so the target is not accepting"
                  + " them: it may be unreachable, locked by another session, or full.",
              "Test target " + r.targetId(),
              "targets.xhtml?test=" + enc(r.targetId())));
      return;
    }
    Long eta = r.etaSeconds();
    if (eta == null || eta <= SLOW_ETA_SECONDS || r.rowsPerSecond() == null) {
      return;
    }
    long rate = Math.round(r.rowsPerSecond());
    Object paced = r.overrides() == null ? null : r.overrides().get("rate");
    String detail =
        paced != null
            ? "Its traffic settings pace it at "
                + paced
                + ": the rate asked for sets its speed, not a fault."
            : "syngen generates millions of rows a second per core, so at "
                + rate
                + " rows/s the bottleneck is writing "
                + where
                + "; a smaller scale, or a faster target, shortens it.";
    out.add(
        new Prompt(
            Prompt.GENERATION,
            "info",
            "Run " + r.id() + " needs about " + (eta / 60) + " more minutes at " + rate + " rows/s",
            detail,
            "Preview at scale 0.1",
            "new-run.xhtml?scenario="
                + enc(r.scenarioId())
                + "&target="
                + enc(r.targetId())
                + "&scale=0.1"));
  }

  static void qualityPrompts(List<RunView> recent, List<Prompt> out) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < recent.size(); i++) {
      RunView r = recent.get(i);
      if (!"success".equals(r.status()) || !seen.add(r.scenarioId())) {
        continue;
      }
      out.add(
          new Prompt(
              Prompt.QUALITY,
              "info",
              "Check the fidelity of run " + r.id(),
              "Read its data back from the target and test it against what "
                  + r.scenarioId()
                  + " declares — distributions, row counts, foreign keys, uniqueness — for a GO"
                  + " or NO-GO; the first rows of each entity are in the data preview.",
              "Check fidelity",
              "run.xhtml?id=" + enc(r.id()) + "#fidelity"));
      RunView before = previousOf(recent, i);
      if (before != null && !Objects.equals(before.configHash(), r.configHash())) {
        out.add(
            new Prompt(
                Prompt.QUALITY,
                "warn",
                "Run " + r.id() + " made different data than run " + before.id(),
                "The config hash changed: " + differences(before, r) + ".",
                "Compare the runs",
                "run.xhtml?id=" + enc(r.id()) + "&compare=" + enc(before.id())));
      }
    }
  }

  static void troublePrompts(List<RunView> recent, SystemState system, List<Prompt> out) {
    if (!system.databaseUp()) {
      out.add(
          new Prompt(
              Prompt.TROUBLE,
              "error",
              "Readiness is DOWN: the run database",
              "The run-history database is " + system.databaseDetail() + ".",
              "Check readiness",
              "../health/ready"));
    }
    for (Dependency d : system.down()) {
      if (d.name().equals(DependencyStatus.HISTORY)) {
        continue; // said above
      }
      if (!d.name().startsWith(Dependency.TARGET_PREFIX)) {
        out.add(
            new Prompt(
                Prompt.TROUBLE,
                "error",
                "Readiness is DOWN: the " + d.name(),
                "Its " + d.detail() + ".",
                "Check readiness",
                "../health/ready"));
        continue;
      }
      String target = d.targetId();
      out.add(
          new Prompt(
              Prompt.TROUBLE,
              "error",
              "Target " + target + " is unreachable",
              "Its " + d.detail() + ". Runs into it would fail; test it once it is back.",
              "Test target " + target,
              "targets.xhtml?test=" + enc(target)));
    }
    for (RunView r : recent) {
      if (!"failed".equals(r.status())) {
        continue;
      }
      Explanation e = ErrorExplainer.explain(r.error());
      boolean reach =
          r.error() != null && r.error().toLowerCase(java.util.Locale.ROOT).contains("connect");
      out.add(
          new Prompt(
              Prompt.TROUBLE,
              "error",
              "Run " + r.id() + " failed",
              e == null ? "The run failed." : e.cause() + " " + e.fix(),
              reach ? "Test target " + r.targetId() : "Open the run",
              reach ? "targets.xhtml?test=" + enc(r.targetId()) : "run.xhtml?id=" + enc(r.id())));
    }
  }

  private static RunView previousOf(List<RunView> recent, int index) {
    RunView r = recent.get(index);
    for (int j = index + 1; j < recent.size(); j++) {
      RunView o = recent.get(j);
      if (Objects.equals(o.scenarioId(), r.scenarioId()) && "success".equals(o.status())) {
        return o;
      }
    }
    return null;
  }

  static String differences(RunView a, RunView b) {
    List<String> d = new ArrayList<>();
    if (a.seed() != b.seed()) {
      d.add("seed " + a.seed() + " → " + b.seed());
    }
    if (!Objects.equals(a.asOf(), b.asOf())) {
      d.add("as_of " + a.asOf() + " → " + b.asOf());
    }
    if (!Objects.equals(a.overrides(), b.overrides())) {
      d.add("overrides " + a.overrides() + " → " + b.overrides());
    }
    if (a.progressRowsTotal() != b.progressRowsTotal()) {
      d.add("rows " + a.progressRowsTotal() + " → " + b.progressRowsTotal());
    }
    return d.isEmpty() ? "the scenario document itself changed" : String.join(", ", d);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }
}
