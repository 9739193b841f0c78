package dev.syngen.bench;

import dev.syngen.cli.Output;
import dev.syngen.core.engine.CancelToken;
import dev.syngen.core.engine.RunEngine;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.fidelity.Band;
import dev.syngen.core.fidelity.FidelityReport;
import dev.syngen.core.fidelity.FidelityValidator;
import dev.syngen.core.fidelity.RunFidelity;
import dev.syngen.core.fidelity.TableSource;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.Expectations;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.io.TableSources;
import dev.syngen.io.Targets;
import dev.syngen.io.yaml.ScenarioFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code syngen-bench bench-realism}: the throughput of numeric rows made of distribution
 * generators against rows of the foundation's numeric generators (the target: within 2×), each
 * generator on its own, and the time of a fidelity check of a large table read back by sampling.
 * Results are printed, never asserted.
 */
@Command(
    name = "bench-realism",
    description = "Measure distribution-generator throughput and fidelity-check time.",
    mixinStandardHelpOptions = true)
final class RealismBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--rows",
      defaultValue = "2000000",
      description = "Rows per throughput measurement (default: ${DEFAULT-VALUE}).")
  long rows;

  @Option(names = "--parallel", description = "Worker threads (default: available cores).")
  Integer parallel;

  @Option(
      names = "--fidelity-rows",
      defaultValue = "0",
      description = "Rows of the large table the fidelity check reads; 0 skips it (e.g. 10000000).")
  long fidelityRows;

  @Option(
      names = "--fidelity-kind",
      defaultValue = "csv",
      description =
          "Where the large table goes: csv, ndjson, sqlite or postgres (default: ${DEFAULT-VALUE}).")
  String fidelityKind;

  @Option(
      names = "--postgres",
      defaultValue = "${env:SYNGEN_BENCH_PG:-postgres://postgres@127.0.0.1:5432/test}",
      description = "PostgreSQL DSN for --fidelity-kind postgres.")
  String postgres;

  @Option(names = "--dir", description = "Scratch directory (default: a new temporary directory).")
  Path dir;

  private final GeneratorRegistry registry = GeneratorRegistry.builtins();

  @Override
  public Integer call() throws IOException {
    int threads = parallel == null ? Runtime.getRuntime().availableProcessors() : parallel;
    if (threads < 1 || threads > 256 || rows < 1000) {
      throw new IllegalArgumentException("--parallel must be 1..256 and --rows at least 1000");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "syngen-bench bench-realism: %,d rows per measurement, %d threads, %d cores, Java %s%n",
        rows, threads, Runtime.getRuntime().availableProcessors(), Runtime.version());
    Scenario numeric = scenario("bench-numeric.yaml");
    List<List<String>> table = new ArrayList<>();
    for (int t : threads == 1 ? List.of(1) : List.of(1, threads)) {
      double[] best = compare(numeric, List.of("foundation_row", "distribution_row"), rows, t);
      table.add(
          List.of(
              "8 numeric columns, foundation generators",
              Integer.toString(t),
              Output.count(Math.round(best[0])),
              ""));
      table.add(
          List.of(
              "8 numeric columns, distribution generators",
              Integer.toString(t),
              Output.count(Math.round(best[1])),
              String.format("%.2fx the foundation's rate", best[1] / best[0])));
    }
    Output.table(out, List.of("MEASUREMENT", "THREADS", "ROWS/S", "RATIO"), table);
    out.println("(1 thread: rows per second of CPU time; more threads: wall-clock time)");
    out.println();
    Output.table(out, List.of("GENERATOR (1 column, 1 thread)", "ROWS/S"), single(numeric));
    if (fidelityRows > 0) {
      fidelity(out, threads);
    }
    out.flush();
    return 0;
  }

  private Scenario scenario(String resource) throws IOException {
    try (InputStream in = RealismBenchCommand.class.getResourceAsStream(resource)) {
      return ScenarioFiles.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
    }
  }

  private CompiledPlan plan(Scenario s, String entity, long n) {
    return new PlanCompiler(registry)
        .compile(
            s, new RunOverrides(null, null, null, null, Map.of(entity, n), List.of(entity), null));
  }

  /**
   * Rows per second of each entity into a sink that keeps nothing: warm-up runs, then five rounds
   * that alternate the entities, keeping each one's best, so a busy neighbour on a shared machine
   * weighs on both alike. With one thread the engine runs on this thread and the rate is measured
   * in its CPU time.
   */
  private double[] compare(Scenario s, List<String> entities, long n, int threads) {
    List<CompiledPlan> plans = new ArrayList<>();
    for (String e : entities) {
      run(plan(s, e, Math.max(1000, n / 4)), new DiscardSink(), threads);
      plans.add(plan(s, e, n));
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    boolean onCpu = threads == 1 && cpu.isCurrentThreadCpuTimeSupported();
    double[] best = new double[plans.size()];
    for (int round = 0; round < 5; round++) {
      for (int i = 0; i < plans.size(); i++) {
        long t0 = onCpu ? cpu.getCurrentThreadCpuTime() : System.nanoTime();
        run(plans.get(i), new DiscardSink(), threads);
        long t1 = onCpu ? cpu.getCurrentThreadCpuTime() : System.nanoTime();
        best[i] = Math.max(best[i], n / ((t1 - t0) / 1e9));
      }
    }
    return best;
  }

  private static void run(CompiledPlan plan, Sink sink, int threads) {
    try (sink) {
      new RunEngine(threads, RunEngine.DEFAULT_BATCH_SIZE)
          .run(
              plan,
              sink,
              TableMode.TRUNCATE_THEN_INSERT,
              Map.of(),
              RunListener.NONE,
              new CancelToken());
    }
  }

  /** Each distribution column alone: an entity of just that column. */
  private List<List<String>> single(Scenario numeric) {
    List<List<String>> out = new ArrayList<>();
    for (String entity : List.of("foundation_row", "distribution_row")) {
      var e = numeric.entity(entity);
      for (var c : e.columns()) {
        Scenario one =
            new Scenario(
                "one",
                "one",
                "1",
                null,
                7L,
                numeric.asOf(),
                List.of(new Entity("one", "one", rows, List.of(c))));
        double rate = compare(one, List.of("one"), rows, 1)[0];
        out.add(
            List.of(c.generator().type() + " (" + c.name() + ")", Output.count(Math.round(rate))));
      }
    }
    return out;
  }

  private void fidelity(PrintWriter out, int threads) throws IOException {
    Path scratch =
        dir == null
            ? Files.createTempDirectory("syngen-bench-realism")
            : Files.createDirectories(dir);
    Scenario s = scenario("bench-fidelity.yaml");
    long users = Math.max(1, fidelityRows / 100);
    RunOverrides overrides =
        new RunOverrides(11L, null, null, null, Map.of("bench_users", users), null, null);
    CompiledPlan plan = new PlanCompiler(registry).compile(s, overrides);
    TargetProfile target =
        switch (fidelityKind) {
          case "postgres" ->
              new TargetProfile(
                  "bench", "bench", "postgres", postgres, "syngen_bench_realism", null);
          case "sqlite" ->
              new TargetProfile(
                  "bench",
                  "bench",
                  "sqlite",
                  scratch.resolve("bench.sqlite").toString(),
                  null,
                  null);
          case "csv", "ndjson" ->
              new TargetProfile("bench", "bench", fidelityKind, scratch.toString(), null, null);
          default ->
              throw new IllegalArgumentException(
                  "--fidelity-kind must be csv, ndjson, sqlite or postgres");
        };
    long t0 = System.nanoTime();
    run(plan, Targets.builtins().open(target), threads);
    double write = (System.nanoTime() - t0) / 1e9;
    long events =
        plan.entities().stream()
            .filter(e -> e.name().equals("bench_events"))
            .mapToLong(CompiledEntity::rows)
            .sum();
    out.printf(
        "%nfidelity check of a %,d-row table (%s, written in %.1f s):%n",
        events, fidelityKind, write);
    t0 = System.nanoTime();
    FidelityReport r;
    try (TableSource source = TableSources.open(target)) {
      r =
          new RunFidelity(registry, Clock.systemUTC())
              .check(
                  s,
                  overrides,
                  null,
                  Expectations.NONE,
                  source,
                  fidelityKind,
                  new FidelityValidator.Options(Band.NORMAL, 0.01, 20_000, 11));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    out.printf(
        "  %s in %.1f s: %d checks (statistics on 20,000 sampled rows per table; fk, order and children per parent over every row)%n",
        r.verdict().label(), seconds, r.checks().size());
    r.reasons().forEach(x -> out.println("  - " + x));
    if (dir == null && !fidelityKind.equals("postgres")) {
      DiscardSink.deleteTree(scratch);
    }
  }
}
