package dev.syngen.bench;

import dev.syngen.cli.Output;
import dev.syngen.core.corpus.Corpus;
import dev.syngen.core.corpus.CorpusAdmission;
import dev.syngen.core.corpus.CorpusCatalog;
import dev.syngen.core.corpus.CorpusRules;
import dev.syngen.core.corpus.CorpusSource;
import dev.syngen.core.engine.CancelToken;
import dev.syngen.core.engine.RunEngine;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.generate.builtin.CorpusPick;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.scenario.Column;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.GeneratorSpec;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.sink.TableMode;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code syngen-bench bench-corpus}: rows per second of a {@code corpus} column against a {@code
 * choice} column holding the same values with the same weights, for a small and a large list,
 * uniform and weighted. One thread, measured in its CPU time, best of five interleaved rounds after
 * a warm-up, as {@code bench-realism} does. Results are printed, never asserted.
 */
@Command(
    name = "bench-corpus",
    description = "Measure the corpus generator against choice with the same values.",
    mixinStandardHelpOptions = true)
final class CorpusBenchCommand implements Callable<Integer> {
  private static final String[] SYLLABLES = {
    "ka", "lo", "mi", "ren", "so", "ta", "vel", "dor", "an", "bri", "cu", "fen", "gal", "ho", "is",
    "jun"
  };

  @Spec CommandSpec spec;

  @Option(
      names = "--rows",
      defaultValue = "5000000",
      description = "Rows per measurement (default: ${DEFAULT-VALUE}).")
  long rows;

  @Override
  public Integer call() {
    if (rows < 1000) {
      throw new IllegalArgumentException("--rows must be at least 1000");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "syngen-bench bench-corpus: %,d rows per measurement, 1 thread (CPU time), Java %s%n",
        rows, Runtime.version());
    List<List<String>> table = new ArrayList<>();
    for (int size : List.of(100, 10_000)) {
      for (boolean weighted : List.of(false, true)) {
        double[] best = compare(size, weighted);
        table.add(
            List.of(
                Output.count(size) + (weighted ? ", weighted" : ", uniform"),
                Output.count(Math.round(best[0])),
                Output.count(Math.round(best[1])),
                String.format("%.2fx", best[1] / best[0])));
      }
    }
    Output.table(out, List.of("VALUES", "CHOICE ROWS/S", "CORPUS ROWS/S", "CORPUS/CHOICE"), table);
    out.flush();
    return 0;
  }

  /** The best rates of choice and corpus over the same values. */
  private double[] compare(int size, boolean weighted) {
    List<String> values = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    StringBuilder csv = new StringBuilder("value,weight\n");
    for (int i = 0; i < size; i++) {
      String v = word(i);
      double w = weighted ? 1 + (i * 7919L) % 100 : 1;
      values.add(v);
      weights.add(w);
      csv.append(v).append(',').append(w).append('\n');
    }
    CorpusAdmission.Admission a =
        CorpusAdmission.admit(
            "bench_words",
            csv.toString().getBytes(StandardCharsets.UTF_8),
            new CorpusSource("csv", "value", weighted ? "weight" : null),
            CorpusRules.DEFAULTS);
    if (!a.ready()) {
      throw new IllegalStateException("bench corpus rejected: " + a.reason());
    }
    Corpus corpus = a.corpus();
    PlanCompiler compiler =
        new PlanCompiler(
            GeneratorRegistry.builtins()
                .with(CorpusPick.factory(CorpusCatalog.of(List.of(corpus)))));
    Map<String, Object> choice = new LinkedHashMap<>();
    choice.put("values", values);
    if (weighted) {
      choice.put("weights", weights);
    }
    CompiledPlan choicePlan = plan(compiler, new GeneratorSpec("choice", choice));
    CompiledPlan corpusPlan =
        plan(compiler, new GeneratorSpec("corpus", Map.of("name", "bench_words")));
    List<CompiledPlan> plans = List.of(choicePlan, corpusPlan);
    plans.forEach(CorpusBenchCommand::run); // warm-up
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double[] best = new double[plans.size()];
    for (int round = 0; round < 5; round++) {
      for (int i = 0; i < plans.size(); i++) {
        long t0 = cpu.getCurrentThreadCpuTime();
        run(plans.get(i));
        long t1 = cpu.getCurrentThreadCpuTime();
        best[i] = Math.max(best[i], rows / ((t1 - t0) / 1e9));
      }
    }
    return best;
  }

  private CompiledPlan plan(PlanCompiler compiler, GeneratorSpec g) {
    Column c = new Column("value", ColumnType.STRING, false, 0.0, false, g);
    Scenario s =
        new Scenario(
            "bench-corpus",
            "bench-corpus",
            "1",
            null,
            7L,
            Instant.parse("2026-01-01T00:00:00Z"),
            List.of(new Entity("words", "words", rows, List.of(c))));
    return compiler.compile(s, RunOverrides.NONE);
  }

  private static void run(CompiledPlan plan) {
    try (DiscardSink sink = new DiscardSink()) {
      new RunEngine(1, RunEngine.DEFAULT_BATCH_SIZE)
          .run(
              plan,
              sink,
              TableMode.TRUNCATE_THEN_INSERT,
              Map.of(),
              RunListener.NONE,
              new CancelToken());
    }
  }

  /** A made-up word, distinct for every index below 16^4. */
  private static String word(int i) {
    StringBuilder w = new StringBuilder();
    for (int k = 0; k < 4; k++) {
      w.append(SYLLABLES[(i >> (4 * k)) & 15]);
    }
    return w.toString();
  }
}
