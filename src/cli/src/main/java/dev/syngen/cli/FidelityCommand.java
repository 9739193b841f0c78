package dev.syngen.cli;

import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.fidelity.Band;
import dev.syngen.core.fidelity.Check;
import dev.syngen.core.fidelity.FidelityReport;
import dev.syngen.core.fidelity.FidelityValidator;
import dev.syngen.core.fidelity.GenerationReport;
import dev.syngen.core.fidelity.HtmlReport;
import dev.syngen.core.fidelity.RunFidelity;
import dev.syngen.core.fidelity.TableSource;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.scenario.Expectations;
import dev.syngen.core.scenario.ExtensionsMapper;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.schema.ProfileExpectations;
import dev.syngen.core.schema.SchemaProfile;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.io.TableSources;
import dev.syngen.io.history.FileRunRepository;
import dev.syngen.io.yaml.YamlDocuments;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code syngen fidelity}: reads a run's data back from its target and checks it against what the
 * scenario declares; exit 0 on GO, 3 on NO-GO.
 */
@Command(
    name = "fidelity",
    description = "Check generated data against the declared distributions and rules: GO or NO-GO.",
    mixinStandardHelpOptions = true)
final class FidelityCommand implements Callable<Integer> {
  /** Exit code for a NO-GO verdict. */
  static final int EXIT_NO_GO = 3;

  @ParentCommand SyngenCommand root;
  @Spec CommandSpec spec;

  /** Which data: a recorded run, or a scenario with a target. */
  static final class Subject {
    @Option(
        names = "--run",
        paramLabel = "RUN-ID",
        description = "A recorded run (see `syngen run list`).")
    String run;

    @Option(
        names = "--scenario",
        paramLabel = "ID|PATH",
        description = "A scenario, checked against --target as run with --scale/--band.")
    String scenario;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Subject subject;

  @Option(
      names = "--target",
      paramLabel = "ID|PATH",
      description = "Where the data is (default for --run: the run's target).")
  String target;

  @Option(
      names = "--target-kind",
      paramLabel = "KIND",
      description =
          "Inline target kind (sqlite, postgres, mariadb, csv, ndjson); --target is then a DSN or"
              + " directory.")
  String targetKind;

  @Option(
      names = "--tolerance",
      defaultValue = "normal",
      description = "strict (5%%), normal (15%%) or relaxed (30%%); default: ${DEFAULT-VALUE}.")
  String tolerance;

  @Option(
      names = "--alpha",
      defaultValue = "0.01",
      description = "Significance level of KS and chi-square tests (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(
      names = "--sample",
      defaultValue = "20000",
      description = "Rows sampled per table for the statistics (default: ${DEFAULT-VALUE}).")
  int sample;

  @Option(
      names = "--spec",
      paramLabel = "FILE",
      description = "Extra expectations (same form as a scenario's expectations section).")
  Path specFile;

  @Option(
      names = "--compare-profile",
      paramLabel = "FILE",
      description =
          "The original's schema profile (scenario from-db --profile-out): the copy must match its"
              + " columns and children-per-parent laws.")
  Path compareProfile;

  @Option(names = "--scale", description = "With --scenario: the scale the data was generated at.")
  Double scale;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description =
          "With --scenario: the seed the data was generated with (the scenario's own by default;"
              + " required when it declares none).")
  Long seed;

  @Option(
      names = "--band",
      paramLabel = "NAME",
      description = "With --scenario: the scale band the data was generated at.")
  String band;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON.")
  Path json;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "Also write the report as a self-contained HTML page.")
  Path html;

  @Mixin FormatOption output;

  @Option(
      names = "--report-dir",
      paramLabel = "DIR",
      description =
          "Where the gate writes report_<band>_<time>.json when the scenario declares a gate"
              + " (default: reports/ under the history directory).")
  Path reportDir;

  @Override
  public Integer call() throws IOException {
    Band b =
        Band.parse(tolerance)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "--tolerance '"
                            + tolerance
                            + "' is unknown; use strict, normal or relaxed"));
    if (!(alpha > 0 && alpha < FidelityValidator.Options.MAX_ALPHA)) {
      throw new IllegalArgumentException(
          "--alpha must be between 0 and "
              + FidelityValidator.Options.MAX_ALPHA
              + ", got "
              + alpha);
    }
    if (sample < FidelityValidator.Options.MIN_SAMPLE_ROWS
        || sample > FidelityValidator.Options.MAX_SAMPLE_ROWS) {
      throw new IllegalArgumentException(
          "--sample must be between "
              + FidelityValidator.Options.MIN_SAMPLE_ROWS
              + " and "
              + FidelityValidator.Options.MAX_SAMPLE_ROWS
              + ", got "
              + sample);
    }
    Workspace ws = new Workspace(root);
    if (specFile != null && compareProfile != null) {
      throw new IllegalArgumentException(
          "--spec and --compare-profile both give expectations; use one of them");
    }
    Expectations fromSpec = specFile == null ? Expectations.NONE : readSpec(specFile);
    RunFidelity fidelity = new RunFidelity(ws.generators, Clock.systemUTC());
    RunFidelity.Judgement judgement;
    if (subject.run != null) {
      RunRecord run =
          ws.history
              .find(subject.run)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "no run '" + subject.run + "'; run `syngen run list`"));
      Scenario scenario = scenarioOf(ws, run);
      TargetProfile t = target != null ? ws.resolve(target, targetKind) : targetOf(ws, run);
      FidelityValidator.Options options =
          new FidelityValidator.Options(b, alpha, sample, run.seed());
      try (TableSource source = TableSources.open(t)) {
        judgement = fidelity.judgeRun(run, scenario, extra(scenario, fromSpec), source, options);
      }
    } else {
      if (target == null) {
        throw new IllegalArgumentException("--scenario needs --target: where the data to check is");
      }
      Scenario scenario = ws.scenarios.load(subject.scenario);
      TargetProfile t = ws.resolve(target, targetKind);
      // the seed decides how many children each parent row has: plan with the one the data was
      // generated with, or the planned row counts are another run's
      long planSeed = seedOf(scenario);
      FidelityValidator.Options options = new FidelityValidator.Options(b, alpha, sample, planSeed);
      RunOverrides overrides = new RunOverrides(planSeed, null, scale, null, null, null, null);
      try (TableSource source = TableSources.open(t)) {
        judgement =
            fidelity.judgeScenario(
                scenario,
                overrides,
                band,
                extra(scenario, fromSpec),
                source,
                t.id() + " (" + t.kind() + ")",
                options);
      }
    }
    FidelityReport report = judgement.report();
    Path generation =
        judgement.generation() == null ? null : writeGeneration(judgement.generation());
    write(report);
    if (generation != null && !output.json()) {
      spec.commandLine().getOut().println("generation report: " + generation);
      spec.commandLine().getOut().flush();
    }
    return report.verdict() == FidelityReport.Verdict.GO ? 0 : EXIT_NO_GO;
  }

  /** {@code --seed}, else the scenario's; refused when neither says which seed made the data. */
  private long seedOf(Scenario scenario) {
    if (seed != null) {
      return seed;
    }
    if (scenario.seed() != null) {
      return scenario.seed();
    }
    throw new IllegalArgumentException(
        "scenario '"
            + scenario.id()
            + "' declares no seed, so each of its runs drew its own: give the run's seed with"
            + " --seed N (`syngen run show RUN-ID` prints it), or check the run with --run RUN-ID");
  }

  private Path writeGeneration(GenerationReport g) throws IOException {
    Path dir = reportDir != null ? reportDir : root.historyDir.resolve("reports");
    Files.createDirectories(dir);
    Path file = dir.resolve(g.fileName());
    Files.writeString(
        file,
        FileRunRepository.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(g),
        StandardCharsets.UTF_8);
    return file;
  }

  private static Scenario scenarioOf(Workspace ws, RunRecord run) {
    try {
      return ws.scenarios.load(
          run.scenarioSource() != null ? run.scenarioSource() : run.scenarioId());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the scenario of run "
              + run.id()
              + " ('"
              + run.scenarioSource()
              + "') cannot be found: "
              + e.getMessage());
    }
  }

  private static TargetProfile targetOf(Workspace ws, RunRecord run) {
    if (!"inline".equals(run.targetId())) {
      return ws.target(run.targetId());
    }
    if (run.targetDsn() != null && run.targetDsn().contains("***")) {
      throw new IllegalArgumentException(
          "run "
              + run.id()
              + " wrote to an inline target whose DSN holds a password that was not stored; pass --target");
    }
    return ws.inline(run.targetKind(), run.targetDsn());
  }

  /** The --spec expectations, or those of --compare-profile for this scenario. */
  private Expectations extra(Scenario scenario, Expectations fromSpec) throws IOException {
    if (compareProfile == null) {
      return fromSpec;
    }
    if (!Files.isRegularFile(compareProfile)) {
      throw new IllegalArgumentException("--compare-profile " + compareProfile + " is not a file");
    }
    if (Files.size(compareProfile) > YamlDocuments.MAX_CHARS) {
      throw new IllegalArgumentException(
          "--compare-profile " + compareProfile + " is larger than 2 MB");
    }
    SchemaProfile profile;
    try {
      profile = FileRunRepository.mapper().readValue(compareProfile.toFile(), SchemaProfile.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          compareProfile
              + " is not a schema profile (scenario from-db --profile-out): "
              + e.getMessage().lines().findFirst().orElse(""),
          e);
    }
    ProfileExpectations pe = new ProfileExpectations(profile, scenario);
    PrintWriter out = spec.commandLine().getOut();
    pe.skipped().forEach(s -> out.println("not compared: " + s));
    Problems problems = new Problems();
    Expectations x = new ExtensionsMapper(problems).expectations(pe.tree(), "");
    problems.throwIfAny("--compare-profile " + compareProfile);
    return x;
  }

  private static Expectations readSpec(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--spec " + file + " is not a file");
    }
    if (Files.size(file) > YamlDocuments.MAX_CHARS) {
      throw new IllegalArgumentException("--spec " + file + " is larger than 2 MB");
    }
    Object tree =
        YamlDocuments.parse(Files.readString(file, StandardCharsets.UTF_8), "expectations " + file);
    Problems problems = new Problems();
    Expectations x = new ExtensionsMapper(problems).expectations(tree, "");
    problems.throwIfAny("expectations " + file);
    return x;
  }

  private void write(FidelityReport r) throws IOException {
    if (json != null) {
      Files.writeString(
          json, FileRunRepository.mapper().writeValueAsString(r), StandardCharsets.UTF_8);
    }
    if (html != null) {
      Files.writeString(html, HtmlReport.render(r), StandardCharsets.UTF_8);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (output.json()) {
      Output.json(out, r);
      return;
    }
    out.printf(
        "fidelity of %s%s: %s  (%d checks, %d ms, tolerance %s)%n",
        r.scenarioId(),
        r.runId() == null ? "" : " run " + r.runId(),
        r.verdict().label(),
        r.checks().size(),
        r.elapsedMillis(),
        r.band());
    List<List<String>> rows = new ArrayList<>();
    for (Check c : r.checks()) {
      rows.add(List.of(c.status().name(), c.kind(), c.subject(), c.message()));
    }
    Output.table(out, List.of("STATUS", "CHECK", "SUBJECT", "FINDING"), rows);
    r.warnings().forEach(w -> out.println("note: " + w));
    if (!r.reasons().isEmpty()) {
      out.println();
      out.println("NO-GO because:");
      r.reasons().forEach(x -> out.println("  - " + x));
    }
    if (html != null) {
      out.println("HTML report: " + html);
    }
    if (json != null) {
      out.println("JSON report: " + json);
    }
    out.flush();
  }
}
