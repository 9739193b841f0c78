package dev.syngen.cli;

import dev.syngen.core.fidelity.FidelityReport.Verdict;
import dev.syngen.core.indexgate.Baseline;
import dev.syngen.core.indexgate.DdlScript;
import dev.syngen.core.indexgate.Dialect;
import dev.syngen.core.indexgate.GateDecision;
import dev.syngen.core.indexgate.GateOptions;
import dev.syngen.core.indexgate.GateOptions.Rollback;
import dev.syngen.core.indexgate.GateOutcome;
import dev.syngen.core.indexgate.IndexGate;
import dev.syngen.core.indexgate.IndexGateHtml;
import dev.syngen.core.indexgate.QueryComparison;
import dev.syngen.core.indexgate.QuerySet;
import dev.syngen.core.indexgate.Thresholds;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.traffic.HumanDuration;
import dev.syngen.io.indexgate.Baselines;
import dev.syngen.io.indexgate.GateDatabase;
import dev.syngen.io.indexgate.GatePacks;
import dev.syngen.io.indexgate.IndexGateRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code syngen index-gate}: measures a query set's plans and latencies before and after index DDL
 * and says GO or NO-GO; exit 0 on GO, 3 on NO-GO, 2 on invalid input, 1 when the database fails.
 */
@Command(
    name = "index-gate",
    description =
        "Measure queries before and after index DDL (EXPLAIN ANALYZE) and decide GO or NO-GO.",
    mixinStandardHelpOptions = true)
final class IndexGateCommand implements Callable<Integer> {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @ParentCommand SyngenCommand root;
  @Spec CommandSpec spec;

  @Option(
      names = "--target",
      paramLabel = "ID|PATH|DSN",
      description = "The database: a target profile, or a DSN with --target-kind.")
  String target;

  @Option(
      names = "--target-kind",
      paramLabel = "KIND",
      description = "postgres or mariadb; --target is then a DSN.")
  String targetKind;

  @Option(
      names = "--pack",
      paramLabel = "ID",
      description = "A domain pack's query set and indexes (scenarios/<ID>/index-gate/<kind>/).")
  String pack;

  @Option(
      names = "--queries",
      paramLabel = "FILE",
      description = "Named queries: '-- name: x' then one SELECT per query.")
  Path queriesFile;

  @Option(
      names = "--ddl",
      paramLabel = "FILE",
      description =
          "CREATE INDEX / DROP INDEX / ANALYZE statements (default with --pack: its own).")
  Path ddlFile;

  @Option(
      names = "--capture",
      paramLabel = "FILE",
      description = "Only capture a baseline of the database as it is, into FILE.")
  Path capture;

  @Option(
      names = "--before",
      paramLabel = "FILE",
      description = "A stored baseline to compare against instead of capturing one now.")
  Path beforeFile;

  @Option(
      names = "--after",
      paramLabel = "FILE",
      description = "With --before: a stored after baseline; compare the two, no database.")
  Path afterFile;

  @Option(
      names = "--warmup",
      defaultValue = "2",
      description = "Unmeasured runs per query (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--runs",
      defaultValue = "10",
      description = "Measured runs per query (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--query-timeout",
      defaultValue = "60s",
      description = "Time one query may take (default: ${DEFAULT-VALUE}).")
  String queryTimeout;

  @Option(
      names = "--ddl-timeout",
      defaultValue = "30m",
      description = "Time one DDL statement may take (default: ${DEFAULT-VALUE}).")
  String ddlTimeout;

  @Option(
      names = "--analyze",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Refresh statistics of the indexed tables before each baseline (default: on).")
  boolean analyze;

  @Option(
      names = "--rollback",
      defaultValue = "never",
      description =
          "Drop the created indexes afterwards: never, always or on-no-go (default: ${DEFAULT-VALUE}).")
  String rollback;

  @Option(
      names = "--min-improvement",
      defaultValue = "30",
      description =
          "GO needs an average p50 improvement above this %% (default: ${DEFAULT-VALUE}).")
  double minImprovement;

  @Option(
      names = "--min-sorts-eliminated",
      defaultValue = "60",
      description = "GO needs more than this %% of Sort nodes gone (default: ${DEFAULT-VALUE}).")
  double minSorts;

  @Option(
      names = "--max-degraded",
      defaultValue = "1",
      description = "GO allows at most this many slower queries (default: ${DEFAULT-VALUE}).")
  int maxDegraded;

  @Option(
      names = "--degraded-by",
      defaultValue = "10",
      description =
          "A query is degraded when its p50 is this %% slower (default: ${DEFAULT-VALUE}).")
  double degradedBy;

  @Option(
      names = "--report-dir",
      paramLabel = "DIR",
      description =
          "Where before.json, after.json, decision.json and report.html go (default: index-gate/<time>/ under the history directory).")
  Path reportDir;

  @Mixin FormatOption output;

  @Override
  public Integer call() throws IOException {
    GateOptions options = options();
    Clock clock = Clock.systemUTC();
    if (beforeFile != null && afterFile != null) {
      refuseWithStoredPair();
      Baseline before = Baselines.read(beforeFile, "--before");
      Baseline after = Baselines.read(afterFile, "--after");
      GateDecision d = IndexGate.decide(before, after, options.thresholds(), clock.instant());
      return report(new GateOutcome(before, after, d, List.of()));
    }
    if (afterFile != null) {
      throw new IllegalArgumentException("--after needs --before: the two baselines to compare");
    }
    if (target == null) {
      throw new IllegalArgumentException(
          "--target is missing: the database to measure (a target id or, with --target-kind, a DSN)");
    }
    if (pack != null && queriesFile != null) {
      throw new IllegalArgumentException(
          "--pack and --queries are both given; measure either a pack's query set or your own");
    }
    if (capture != null && beforeFile != null) {
      throw new IllegalArgumentException(
          "--capture and --before are both given; capture a baseline, or compare against one");
    }
    TargetProfile t = target();
    Dialect dialect = Dialect.ofKind(t.kind()).orElseThrow();
    GatePacks.PackSet set =
        pack == null ? null : new GatePacks(root.scenariosDir).load(pack, dialect);
    Problems problems = new Problems();
    QuerySet queries = QuerySet.parse(queryText(set), "--queries", problems);
    DdlScript ddl = null;
    String ddlText = ddlText(set);
    if (ddlText != null) {
      ddl = DdlScript.parse(ddlText, dialect, "--ddl", problems);
    } else if (capture == null && beforeFile == null) {
      problems.add("--ddl", "is missing", "pass --ddl FILE or --pack ID: the indexes to gate");
    }
    problems.throwIfAny("index gate");
    Baseline before = beforeFile == null ? null : Baselines.read(beforeFile, "--before");
    if (before != null && before.dialect() != dialect) {
      throw new IllegalArgumentException(
          "--before was captured on "
              + before.dialect().label()
              + ", the target is "
              + dialect.label());
    }
    PrintWriter err = spec.commandLine().getErr();
    try (GateDatabase db = GateDatabase.open(t)) {
      IndexGateRun run = new IndexGateRun(db, options, clock, line -> progress(err, line));
      if (capture != null) {
        Baseline b = run.capture(queries, "before", List.of());
        Baselines.write(capture, b);
        spec.commandLine()
            .getOut()
            .println("baseline of " + b.queries().size() + " queries: " + capture);
        spec.commandLine().getOut().flush();
        return 0;
      }
      GateOutcome outcome =
          before == null ? run.run(queries, ddl) : run.after(before, queries, ddl);
      return report(outcome);
    }
  }

  private void refuseWithStoredPair() {
    if (target != null
        || pack != null
        || queriesFile != null
        || ddlFile != null
        || capture != null) {
      throw new IllegalArgumentException(
          "--before with --after compares two stored baselines; leave out --target, --pack, --queries, --ddl and --capture");
    }
  }

  private GateOptions options() {
    Problems p = new Problems();
    Duration qt = duration(p, "--query-timeout", queryTimeout);
    Duration dt = duration(p, "--ddl-timeout", ddlTimeout);
    Rollback r = Rollback.parse(rollback).orElse(null);
    if (r == null) {
      p.add(
          "--rollback",
          "'" + rollback + "' is not a rollback mode",
          "use never, always or on-no-go");
    }
    GateOptions o =
        new GateOptions(
            warmup,
            runs,
            qt == null ? GateOptions.DEFAULT.queryTimeout() : qt,
            dt == null ? GateOptions.DEFAULT.ddlTimeout() : dt,
            analyze,
            r == null ? Rollback.NEVER : r,
            new Thresholds(minImprovement, minSorts, maxDegraded, degradedBy));
    Problems named = new Problems();
    o.validate(named);
    named.list().forEach(x -> p.add("--" + x.path().replace('_', '-'), x.message(), x.fix()));
    p.throwIfAny("index gate options");
    return o;
  }

  private static Duration duration(Problems p, String option, String text) {
    try {
      return HumanDuration.parse(text);
    } catch (IllegalArgumentException e) {
      p.add(option, e.getMessage(), "write e.g. 60s, 5m or 1h");
      return null;
    }
  }

  private TargetProfile target() {
    Workspace ws = new Workspace(root);
    TargetProfile t;
    Problems problems = new Problems();
    if (targetKind != null) {
      t =
          new TargetProfile(
              "inline",
              "inline " + targetKind,
              targetKind.toLowerCase(Locale.ROOT),
              target,
              null,
              null);
    } else {
      Path f = ws.targets.find(target);
      if (f == null) {
        throw new IllegalArgumentException(
            "no target '" + target + "' (and no such file); run `syngen target list`");
      }
      t = ws.targets.read(f, problems);
      problems.throwIfAny("target '" + target + "'");
    }
    GateDatabase.validate(t, problems);
    problems.throwIfAny("target '" + target + "'");
    return t;
  }

  private String queryText(GatePacks.PackSet set) throws IOException {
    if (queriesFile != null) {
      return readFile("--queries", queriesFile, QuerySet.MAX_CHARS);
    }
    if (set == null) {
      throw new IllegalArgumentException("--queries or --pack is missing: the queries to measure");
    }
    return set.queries();
  }

  private String ddlText(GatePacks.PackSet set) throws IOException {
    if (ddlFile != null) {
      return readFile("--ddl", ddlFile, DdlScript.MAX_CHARS);
    }
    return set == null || capture != null || beforeFile != null ? null : set.ddl();
  }

  private static String readFile(String option, Path file, int maxChars) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(option + " " + file + " is not a file");
    }
    if (Files.size(file) > 4L * maxChars) {
      throw new IllegalArgumentException(
          option + " " + file + " is larger than " + maxChars + " characters");
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private void progress(PrintWriter err, String line) {
    if (!output.json()) {
      err.println(line);
      err.flush();
    }
  }

  private int report(GateOutcome o) throws IOException {
    GateDecision d = o.decision();
    Path dir =
        reportDir != null
            ? reportDir
            : root.historyDir.resolve("index-gate").resolve(STAMP.format(d.decidedAt()));
    Files.createDirectories(dir);
    Baselines.write(dir.resolve("before.json"), o.before());
    Baselines.write(dir.resolve("after.json"), o.after());
    Baselines.write(dir.resolve("decision.json"), d);
    Files.writeString(
        dir.resolve("report.html"),
        IndexGateHtml.render(d, o.before(), o.after()),
        StandardCharsets.UTF_8);
    PrintWriter out = spec.commandLine().getOut();
    if (output.json()) {
      Output.json(out, d);
      return d.verdict() == Verdict.GO ? 0 : FidelityCommand.EXIT_NO_GO;
    }
    out.printf(
        Locale.ROOT,
        "index gate on %s: %s  (average improvement %.1f %%, Sort nodes %d -> %d = %.1f %% eliminated, %d degraded)%n",
        d.target(),
        d.verdict().label(),
        d.averageImprovementPct(),
        d.sortsBefore(),
        d.sortsAfter(),
        d.sortsEliminatedPct(),
        d.degraded());
    List<List<String>> rows = new ArrayList<>();
    for (QueryComparison q : d.queries()) {
      rows.add(
          List.of(
              q.name(),
              String.format(Locale.ROOT, "%.3f", q.beforeP50Ms()),
              String.format(Locale.ROOT, "%.3f", q.afterP50Ms()),
              String.format(Locale.ROOT, "%.1f %%", q.improvementPct()),
              IndexGateHtml.speedUp(q),
              q.sortsBefore() + " -> " + q.sortsAfter(),
              IndexGateHtml.scans(q.before()) + " -> " + IndexGateHtml.scans(q.after()),
              q.degraded() ? "DEGRADED" : String.join("; ", q.notes())));
    }
    Output.table(
        out,
        List.of(
            "QUERY",
            "P50 BEFORE MS",
            "P50 AFTER MS",
            "IMPROVEMENT",
            "SPEED-UP",
            "SORTS",
            "SCANS",
            "NOTES"),
        rows);
    if (!o.rolledBack().isEmpty()) {
      out.println("rolled back: dropped " + String.join(", ", o.rolledBack()));
    }
    if (!d.reasons().isEmpty()) {
      out.println();
      out.println("NO-GO because:");
      d.reasons().forEach(x -> out.println("  - " + x));
    }
    out.println("report: " + dir.resolve("report.html"));
    out.println("baselines and decision: " + dir);
    out.flush();
    return d.verdict() == Verdict.GO ? 0 : FidelityCommand.EXIT_NO_GO;
  }
}
