package dev.syngen.bench;

import dev.syngen.bench.peer.HandWrittenPeer;
import dev.syngen.cli.Output;
import dev.syngen.core.engine.CancelToken;
import dev.syngen.core.engine.RunEngine;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.io.Targets;
import dev.syngen.io.yaml.ScenarioFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code syngen-bench bench}: measures generation, file, SQLite and PostgreSQL throughput of an
 * 8-column row, the same rows produced the way users script them by hand (Random plus a writer),
 * and the peak heap of a large run. Results are printed, never asserted.
 */
@Command(
    name = "bench",
    description = "Measure throughput and memory on this machine.",
    mixinStandardHelpOptions = true)
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--rows",
      defaultValue = "2000000",
      description = "Rows per measurement (default: ${DEFAULT-VALUE}).")
  long rows;

  @Option(
      names = "--heap-rows",
      defaultValue = "20000000",
      description = "Rows of the peak-heap run; 0 skips it (default: ${DEFAULT-VALUE}).")
  long heapRows;

  @Option(names = "--parallel", description = "Worker threads (default: available cores).")
  Integer parallel;

  @Option(
      names = "--postgres",
      defaultValue = "${env:SYNGEN_BENCH_PG:-postgres://postgres@127.0.0.1:5432/test}",
      description = "PostgreSQL DSN; 'none' skips it (default: ${DEFAULT-VALUE}).")
  String postgres;

  @Option(names = "--dir", description = "Scratch directory (default: a new temporary directory).")
  Path dir;

  @Option(
      names = "--kafka",
      paramLabel = "BOOTSTRAP",
      description = "Also measure Kafka at these bootstrap servers (host:9092).")
  String kafka;

  @Option(names = "--nats", paramLabel = "URL", description = "Also measure NATS core publish.")
  String nats;

  @Option(
      names = "--jms",
      paramLabel = "URL",
      description = "Also measure JMS (Artemis URL), non-persistent and persistent transacted.")
  String jms;

  @Option(
      names = "--http",
      paramLabel = "URL|local",
      description = "Also measure HTTP NDJSON POSTs; 'local' starts a receiver in this process.")
  String http;

  @Option(
      names = "--message-rows",
      defaultValue = "1000000",
      description = "Records per message-target measurement (default: ${DEFAULT-VALUE}).")
  long messageRows;

  @Option(
      names = "--brokers-only",
      description = "Measure only the message targets given by --kafka/--nats/--jms/--http.")
  boolean brokersOnly;

  @Option(
      names = "--generate-url",
      paramLabel = "URL",
      description =
          "Only measure a running server's POST /generate stream, e.g. http://localhost:9080/api/v1/generate.")
  java.net.URI generateUrl;

  @Option(
      names = "--json-schema",
      paramLabel = "FILE",
      description =
          "Only measure schema-first generation of this JSON Schema: in process, or against"
              + " --generate-url when given.")
  Path jsonSchema;

  private record Result(String what, long rows, double seconds, long bytes) {}

  @Override
  public Integer call() throws Exception {
    if (jsonSchema != null) {
      int t = parallel == null ? Runtime.getRuntime().availableProcessors() : parallel;
      return SchemaBench.run(spec.commandLine().getOut(), jsonSchema, rows, t, generateUrl);
    }
    if (generateUrl != null) {
      return GenerateBench.run(spec.commandLine().getOut(), generateUrl, rows, benchScenarioYaml());
    }
    int threads = parallel == null ? Runtime.getRuntime().availableProcessors() : parallel;
    Path scratch =
        dir == null ? Files.createTempDirectory("syngen-bench") : Files.createDirectories(dir);
    CompiledPlan plan = plan(rows);
    CompiledPlan warmUp = plan(Math.max(1, rows / 4));
    PrintWriter out = spec.commandLine().getOut();
    if (brokersOnly) {
      brokers(out, threads);
      DiscardSink.deleteTree(scratch);
      return 0;
    }
    out.printf(
        "syngen-bench bench: %,d rows of 8 columns, %d threads, %d cores, Java %s, max heap %d MB%n",
        rows,
        threads,
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        Runtime.getRuntime().maxMemory() >> 20);
    out.flush();
    List<Result> results = new ArrayList<>();
    results.add(warmRun(warmUp, plan, DiscardSink::new, 1, "generate in memory, 1 thread"));
    results.add(
        run(plan, new DiscardSink(), threads, "generate in memory, " + threads + " threads"));
    Targets targets = Targets.builtins();
    for (String kind : List.of("csv", "ndjson")) {
      Path d = scratch.resolve(kind);
      results.add(
          withBytes(
              run(
                  plan,
                  targets.open(new TargetProfile(kind, kind, kind, d.toString(), null, null)),
                  threads,
                  kind + " file, " + threads + " threads"),
              d));
    }
    if (targets.kinds().contains("sqlite")) {
      Path db = scratch.resolve("bench.sqlite");
      results.add(
          run(
              plan,
              targets.open(
                  new TargetProfile("sqlite", "sqlite", "sqlite", db.toString(), null, null)),
              threads,
              "sqlite"));
    }
    if (!"none".equals(postgres) && targets.kinds().contains("postgres")) {
      TargetProfile pg = new TargetProfile("pg", "pg", "postgres", postgres, "syngen_bench", null);
      var test = targets.test(pg);
      if (test.ok()) {
        results.add(
            run(plan, targets.open(pg), threads, "postgres binary COPY, " + threads + " threads"));
      } else {
        out.println("postgres skipped: " + test.error());
      }
    }
    long handRows = rows;
    handWritten(
        scratch.resolve("hand.csv"),
        Math.max(1000, handRows / 4)); // the same JIT warm-up as syngen gets
    results.add(handWritten(scratch.resolve("hand.csv"), handRows));
    print(out, results);
    brokers(out, threads);
    if (heapRows > 0) {
      peakHeap(out, threads);
    }
    DiscardSink.deleteTree(scratch);
    return 0;
  }

  /** Measures the message targets named by flags, if any. */
  private void brokers(PrintWriter out, int threads) throws IOException {
    if (kafka == null && nats == null && jms == null && http == null) {
      return;
    }
    BrokerBench.LocalReceiver local = "local".equals(http) ? new BrokerBench.LocalReceiver() : null;
    try {
      List<BrokerBench.Case> cases =
          BrokerBench.cases(kafka, nats, jms, local != null ? local.url() : http);
      out.printf(
          "%nmessage targets: %,d records of ~100 bytes of JSON each, %d threads%n",
          messageRows, threads);
      out.flush();
      List<List<String>> rows = new BrokerBench(out, threads).run(cases, messageRows);
      Output.table(
          out, List.of("TARGET", "RECORDS", "TIME", "RECORDS/S", "AVG SIZE", "PAYLOAD"), rows);
    } finally {
      if (local != null) {
        local.close();
      }
    }
  }

  private static String benchScenarioYaml() throws IOException {
    try (InputStream in = BenchCommand.class.getResourceAsStream("bench-scenario.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private CompiledPlan plan(long n) throws IOException {
    Scenario s = ScenarioFiles.parse(benchScenarioYaml(), "bench");
    return new dev.syngen.core.plan.PlanCompiler(
            dev.syngen.core.generate.GeneratorRegistry.builtins())
        .compile(s, new RunOverrides(null, null, null, null, Map.of("bench_rows", n), null, null));
  }

  /** Runs the plan once to warm up the JIT for this sink, then measures a second run. */
  private static Result warmRun(
      CompiledPlan warmUp,
      CompiledPlan plan,
      java.util.function.Supplier<Sink> sink,
      int threads,
      String what) {
    run(warmUp, sink.get(), threads, what);
    return run(plan, sink.get(), threads, what);
  }

  private static Result run(CompiledPlan plan, Sink sink, int threads, String what) {
    long t0 = System.nanoTime();
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
    return new Result(what, plan.totalRows(), (System.nanoTime() - t0) / 1e9, 0);
  }

  private static Result withBytes(Result r, Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      long bytes = s.mapToLong(f -> f.toFile().length()).sum();
      return new Result(r.what(), r.rows(), r.seconds(), bytes);
    }
  }

  /**
   * The same 8 columns as users script them ({@link HandWrittenPeer}): one thread, {@code
   * java.util.Random}, a {@code StringBuilder} per row and a {@code BufferedWriter}.
   */
  private static Result handWritten(Path file, long n) throws IOException {
    long t0 = System.nanoTime();
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      HandWrittenPeer.numeric(w, n);
    }
    return new Result(
        "hand-written: Random + StringBuilder + BufferedWriter CSV, 1 thread",
        n,
        (System.nanoTime() - t0) / 1e9,
        Files.size(file));
  }

  private void print(PrintWriter out, List<Result> results) {
    List<List<String>> rows = new ArrayList<>();
    for (Result r : results) {
      double rps = r.rows() / r.seconds();
      rows.add(
          List.of(
              r.what(),
              Output.count(r.rows()),
              String.format("%.2f s", r.seconds()),
              Output.count(Math.round(rps)),
              r.bytes() == 0 ? "" : String.format("%.0f MB/s", r.bytes() / 1e6 / r.seconds())));
    }
    Output.table(out, List.of("MEASUREMENT", "ROWS", "TIME", "ROWS/S", "THROUGHPUT"), rows);
    double hand =
        results.get(results.size() - 1).rows() / results.get(results.size() - 1).seconds();
    results.stream()
        .filter(r -> r.what().startsWith("csv"))
        .findFirst()
        .ifPresent(
            csv ->
                out.printf(
                    "%nsyngen CSV vs hand-written, in this process (start-up excluded: see"
                        + " versus-peer.sh): %.1fx%n",
                    csv.rows() / csv.seconds() / hand));
    out.flush();
  }

  private void peakHeap(PrintWriter out, int threads) throws IOException {
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    for (long n : new long[] {heapRows / 10, heapRows}) {
      System.gc();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      long t0 = System.nanoTime();
      run(plan(n), new DiscardSink(), threads, "heap");
      long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      out.printf(
          "peak heap of a %,d-row run: %d MB (%.1f s, max heap %d MB)%n",
          n, peak >> 20, (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
      out.flush();
    }
  }
}
