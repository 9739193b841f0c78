package dev.syngen.server.infrastructure.tracing;

import dev.syngen.core.engine.CancelToken;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.engine.RunEngine;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.PayloadShape;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TableMode;
import dev.syngen.io.message.RecordEncoder;
import dev.syngen.server.application.scenario.ScenarioDocuments;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What tracing costs a 1,000,000-row run inside the server's run path, without the server: the same
 * plan through the engine (parallelism 2, batches of 4,096 rows, NDJSON encoded and counted) with
 * tracing off (the span invalid: nothing wrapped, as with otel.sdk.disabled=true) and on (an SDK
 * tracer with a batch span processor; run, entity and every 16th write span exported to a sink that
 * drops them), alternating, after warm-up runs. Not a test: run its main (docs/benchmarks.md).
 */
public final class TraceOverheadBench {
  private static final String YAML =
      """
      name: trace-overhead
      seed: 11
      entities:
        - name: readings
          rows: 1000000
          columns:
            - {name: id, type: bigint, generator: {type: sequence}}
            - {name: device, type: uuid, generator: {type: uuid4}}
            - {name: value, type: double, generator: {type: normal, params: {mean: 20, std: 3}}}
            - {name: status, type: string, generator: {type: choice, params: {values: [ok, warn, fail]}}}
      """;

  private TraceOverheadBench() {}

  public static void main(String[] args) {
    int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Problems problems = new Problems();
    var scenario = ScenarioDocuments.read(YAML, "trace-overhead", "", problems);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(problems.list().toString());
    }
    CompiledPlan plan =
        new PlanCompiler(GeneratorRegistry.builtins()).compile(scenario, RunOverrides.NONE);
    AtomicLong exported = new AtomicLong();
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(BatchSpanProcessor.builder(new Dropping(exported)).build())
            .build();
    Tracer tracer = provider.get("syngen");
    for (int i = 0; i < 2; i++) {
      run(plan, tracer, false);
      run(plan, tracer, true);
    }
    List<Long> off = new ArrayList<>();
    List<Long> on = new ArrayList<>();
    List<Long> offCpu = new ArrayList<>();
    List<Long> onCpu = new ArrayList<>();
    for (int i = 0; i < repeats; i++) {
      long c0 = cpuMillis();
      off.add(run(plan, tracer, false));
      long c1 = cpuMillis();
      on.add(run(plan, tracer, true));
      offCpu.add(c1 - c0);
      onCpu.add(cpuMillis() - c1);
    }
    provider.forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
    System.out.printf("wall: %s%n", compare(off, on));
    System.out.printf("CPU:  %s%n", compare(offCpu, onCpu));
    System.out.printf("%d spans exported%n", exported.get());
    provider.shutdown();
  }

  private static long run(CompiledPlan plan, Tracer tracer, boolean traced) {
    RunSpan span =
        new RunSpan(
            tracer,
            traced ? tracer.spanBuilder("run trace-overhead").startSpan() : Span.getInvalid(),
            true,
            16,
            "bench",
            new RunTraces());
    long t0 = System.nanoTime();
    try (Sink sink = span.sampledWrites(new Counting())) {
      new RunEngine(2, 4096)
          .run(
              plan,
              sink,
              TableMode.CREATE_IF_MISSING,
              Map.of(),
              span.entities(),
              new CancelToken());
    }
    span.end("run trace-overhead", 1_000_000, "success", false);
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static String compare(List<Long> off, List<Long> on) {
    long a = median(off);
    long b = median(on);
    return String.format(
        "off %s ms, on %s ms; median off %d ms, on %d ms: tracing costs %+.1f %%",
        off, on, a, b, 100.0 * (b - a) / a);
  }

  /** CPU time of the whole process so far (all threads: the engine's workers and the exporter). */
  private static long cpuMillis() {
    return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1_000_000;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  /** Encodes every batch as NDJSON and counts the bytes. */
  private static final class Counting implements Sink {
    final AtomicLong bytes = new AtomicLong();

    @Override
    public void prepare(List<CompiledEntity> entities, TableMode mode) {}

    @Override
    public EntityWriter<?> open(CompiledEntity entity, long startRow) {
      RecordEncoder encoder = new RecordEncoder(entity, PayloadShape.NATURAL, -1, null);
      return new EntityWriter<byte[]>() {
        @Override
        public byte[] encode(RowBatch batch) {
          return RecordEncoder.ndjson(encoder.encode(batch));
        }

        @Override
        public void write(byte[] chunk) {
          bytes.addAndGet(chunk.length);
        }

        @Override
        public void finish() {}

        @Override
        public void close() {}
      };
    }

    @Override
    public void close() {}
  }

  /** An exporter that takes spans and drops them, as a collector that keeps up would. */
  private record Dropping(AtomicLong count) implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      count.addAndGet(spans.size());
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
