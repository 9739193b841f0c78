package dev.syngen.bench;

import com.sun.net.httpserver.HttpServer;
import dev.syngen.cli.Output;
import dev.syngen.core.engine.CancelToken;
import dev.syngen.core.engine.EntityStats;
import dev.syngen.core.engine.RunEngine;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import dev.syngen.io.Targets;
import dev.syngen.io.yaml.ScenarioFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The message-target part of {@code syngen-bench bench}: ~100-byte JSON records into Kafka, NATS
 * core, JMS (non-persistent and persistent, both in transacted batches) and HTTP NDJSON. Each
 * target is warmed up with half the records, then timed twice; the better run is reported. Brokers
 * are pointed at by flags; HTTP can use a receiver started in this process.
 */
final class BrokerBench {
  /** One measured target. */
  record Case(String what, String kind, String dsn, Map<String, String> options) {}

  /** Timed runs per target after the warm-up; the best is reported. */
  private static final int ROUNDS = 2;

  private final PrintWriter out;
  private final int threads;

  BrokerBench(PrintWriter out, int threads) {
    this.out = out;
    this.threads = threads;
  }

  static List<Case> cases(String kafka, String nats, String jms, String http) {
    List<Case> cases = new ArrayList<>();
    if (kafka != null) {
      cases.add(new Case("kafka, idempotent, lz4", "kafka", kafka, Map.of("topic", "bench.{run}")));
    }
    if (nats != null) {
      cases.add(new Case("nats core publish", "nats", nats, Map.of("subject", "bench.{entity}")));
    }
    if (jms != null) {
      cases.add(
          new Case(
              "jms non-persistent, transacted batches",
              "jms",
              jms,
              Map.of("persistent", "false", "transacted", "true", "destination", "bench.np")));
      cases.add(
          new Case(
              "jms persistent, transacted batches",
              "jms",
              jms,
              Map.of("persistent", "true", "transacted", "true", "destination", "bench.p")));
    }
    if (http != null) {
      cases.add(new Case("http ndjson POST", "http", http, Map.of("concurrency", "4")));
    }
    return cases;
  }

  /** Runs every case; returns the results as table rows. */
  List<List<String>> run(List<Case> cases, long rows) throws IOException {
    Targets targets = Targets.builtins();
    List<List<String>> table = new ArrayList<>();
    for (Case c : cases) {
      TargetProfile p = new TargetProfile(c.kind(), c.kind(), c.kind(), c.dsn(), null, c.options());
      TargetTestResult test = targets.test(p);
      if (!test.ok()) {
        out.println(c.what() + " skipped: " + test.error());
        out.flush();
        continue;
      }
      once(targets, p, plan(Math.max(10_000, rows / 2)), "warmup");
      CompiledPlan plan = plan(rows);
      EntityStats s = null;
      double secs = Double.MAX_VALUE;
      for (int round = 0; round < ROUNDS; round++) {
        long t0 = System.nanoTime();
        EntityStats r = once(targets, p, plan, "bench");
        double t = (System.nanoTime() - t0) / 1e9;
        if (t < secs) {
          secs = t;
          s = r;
        }
      }
      table.add(
          List.of(
              c.what(),
              Output.count(s.rows()),
              String.format("%.2f s", secs),
              Output.count(Math.round(s.rows() / secs)),
              String.format("%.0f B", s.bytes() / (double) s.rows()),
              String.format("%.1f MB/s", s.bytes() / 1e6 / secs)));
    }
    return table;
  }

  private EntityStats once(Targets targets, TargetProfile p, CompiledPlan plan, String run) {
    RunContext ctx = RunContext.of(plan, run + "-" + System.nanoTime());
    try (Sink sink = targets.open(p, ctx)) {
      return new RunEngine(threads, RunEngine.DEFAULT_BATCH_SIZE)
          .run(plan, sink, TableMode.APPEND_ONLY, Map.of(), RunListener.NONE, new CancelToken())
          .get(0);
    }
  }

  static CompiledPlan plan(long rows) throws IOException {
    try (InputStream in = BrokerBench.class.getResourceAsStream("bench-messages.yaml")) {
      Scenario s =
          ScenarioFiles.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bench");
      return new PlanCompiler(dev.syngen.core.generate.GeneratorRegistry.builtins())
          .compile(s, new RunOverrides(null, null, null, null, Map.of("events", rows), null, null));
    }
  }

  /**
   * A receiver in this process that counts NDJSON lines and answers 204, for {@code --http local}.
   */
  static final class LocalReceiver implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    final AtomicLong lines = new AtomicLong();

    LocalReceiver() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
      server.setExecutor(pool);
      server.createContext(
          "/ingest",
          ex -> {
            try (InputStream in = ex.getRequestBody()) {
              byte[] buf = new byte[65536];
              long n = 0;
              for (int r; (r = in.read(buf)) > 0; ) {
                for (int i = 0; i < r; i++) {
                  n += buf[i] == '\n' ? 1 : 0;
                }
              }
              lines.addAndGet(n);
              ex.sendResponseHeaders(204, -1);
            } finally {
              ex.close();
            }
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/ingest";
    }

    @Override
    public void close() {
      server.stop(0);
      pool.shutdownNow();
    }
  }
}
