package dev.syngen.server.infrastructure.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.engine.CancelToken;
import dev.syngen.core.engine.EntityStats;
import dev.syngen.core.engine.RangeWriter;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.engine.RunEngine;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.PartitionCommits;
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
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.ByteArrayOutputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A run's spans with a real OpenTelemetry SDK: one span per entity under the run's, sampled writes
 * under their entity's, all kept for the trace view; and the data written are byte for byte those
 * of the same run untraced. A batch run's span is never current on the thread that submits it, and
 * its target still commits partitions with their markers.
 */
class RunSpanTest {
  private static final String YAML =
      """
      name: traced
      seed: 7
      entities:
        - name: people
          rows: 5000
          columns:
            - {name: id, type: bigint, generator: {type: sequence}}
            - {name: score, type: double, generator: {type: normal, params: {mean: 10, std: 2}}}
        - name: visits
          rows: 3000
          columns:
            - {name: id, type: bigint, generator: {type: sequence}}
      """;

  private final List<SpanData> exported = new CopyOnWriteArrayList<>();
  private final Tracer tracer =
      SdkTracerProvider.builder()
          .addSpanProcessor(SimpleSpanProcessor.create(new Collecting()))
          .build()
          .get("test");

  @Test
  void entitiesAndSampledWritesAreChildSpansAndTheDataStayTheSame() {
    CompiledPlan plan = plan();
    byte[] untraced = run(plan, s -> s, RunListener.NONE);

    RunTraces traces = new RunTraces();
    RunSpan run = new RunSpan(tracer, tracer.spanBuilder("run").startSpan(), true, 2, "r1", traces);
    assertTrue(run.recorded());
    assertTrue(run.traceparent().matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), run.traceparent());
    byte[] traced = run(plan, run::sampledWrites, run.entities());
    run.end("run", 8_000, "success", false);

    assertEquals(new String(untraced), new String(traced), "tracing never changes the data");
    SpanData root = only("run");
    for (String entity : List.of("people", "visits")) {
      SpanData e = only("entity " + entity);
      assertEquals(root.getSpanId(), e.getParentSpanId());
      List<SpanData> writes = named("write " + entity);
      assertFalse(writes.isEmpty());
      writes.forEach(w -> assertEquals(e.getSpanId(), w.getParentSpanId()));
      long batches = Math.round(Math.ceil((entity.equals("people") ? 5000 : 3000) / 1000.0));
      assertEquals((batches + 1) / 2, writes.size(), "one write in two");
    }
    assertEquals(exported.size(), traces.spans("r1").size(), "the trace view keeps them all");
    assertEquals("", traces.spans("r1").get(0).parentSpanId());
  }

  @Test
  void aBatchRunsSpanIsNotCurrentAndItsChunksWritesAreSampledThroughPartitionCommits() {
    CompiledPlan plan = plan();
    CompiledEntity people = plan.included().get(0);
    RunTraces traces = new RunTraces();
    RunSpan run =
        new RunSpan(tracer, tracer.spanBuilder("run").startSpan(), false, 2, "r3", traces);
    assertFalse(Span.current().getSpanContext().isValid(), "the submitting thread is left alone");
    Sink sink = run.sampledWrites(new CommittingBytes());
    assertTrue(sink instanceof PartitionCommits, "the batch job still commits with markers");
    assertEquals(OptionalLong.of(42), ((PartitionCommits) sink).committedNext("r3", people, 0));

    RunListener entities = run.entities();
    entities.entityStarted(people, 0);
    new RangeWriter(1000).write(sink, "r3", people, 0, 0, 3000); // one chunk: writes 0, 1, 2
    new RangeWriter(1000).write(sink, "r3", people, 0, 3000, 5000); // the next: writes 0, 1
    entities.entityFinished(new EntityStats("people", "people", 5000, 1, 0));
    String[] spanOfOutcome = new String[1];
    run.within(() -> spanOfOutcome[0] = Span.current().getSpanContext().getSpanId());
    run.end("run", 5_000, "success", false);

    SpanData root = only("run");
    assertEquals(root.getSpanId(), spanOfOutcome[0], "the run's last lines are logged in it");
    SpanData entity = only("entity people");
    assertEquals(root.getSpanId(), entity.getParentSpanId());
    List<SpanData> writes = named("write people");
    assertEquals(3, writes.size(), "the first write of each chunk and every second after it");
    writes.forEach(w -> assertEquals(entity.getSpanId(), w.getParentSpanId()));
    assertFalse(Span.current().getSpanContext().isValid());
    assertEquals(5, traces.spans("r3").size());
  }

  @Test
  void anUnrecordedRunWrapsNothing() {
    RunSpan run =
        new RunSpan(tracer, Span.getInvalid(), true, 2, "r2", new RunTraces()); // tracing off
    Sink sink = new Bytes();
    assertSame(sink, run.sampledWrites(sink));
    assertSame(RunListener.NONE, run.entities());
    assertEquals("", run.traceparent());
    run.end("run x", 0, "success", false);
  }

  private SpanData only(String name) {
    List<SpanData> found = named(name);
    assertEquals(1, found.size(), name + " in " + exported);
    return found.get(0);
  }

  private List<SpanData> named(String name) {
    return exported.stream().filter(s -> s.getName().equals(name)).toList();
  }

  private static byte[] run(
      CompiledPlan plan, java.util.function.UnaryOperator<Sink> wrap, RunListener listener) {
    Bytes bytes = new Bytes();
    try (Sink sink = wrap.apply(bytes)) {
      new RunEngine(1, 1000)
          .run(plan, sink, TableMode.CREATE_IF_MISSING, Map.of(), listener, new CancelToken());
    }
    return bytes.out.toByteArray();
  }

  private static CompiledPlan plan() {
    Problems problems = new Problems();
    var scenario = ScenarioDocuments.read(YAML, "traced", "", problems);
    assertTrue(problems.isEmpty(), problems.list().toString());
    return new PlanCompiler(GeneratorRegistry.builtins()).compile(scenario, RunOverrides.NONE);
  }

  /** A sink that appends every record, as NDJSON, to one buffer. */
  private static final class Bytes implements Sink {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

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
          synchronized (out) {
            out.writeBytes(chunk);
          }
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

  /** A sink that commits partitions with markers (here, the same buffer for every range). */
  private static final class CommittingBytes implements Sink, PartitionCommits {
    private final Bytes bytes = new Bytes();

    @Override
    public void prepare(List<CompiledEntity> entities, TableMode mode) {}

    @Override
    public EntityWriter<?> open(CompiledEntity entity, long startRow) {
      throw new AssertionError("a batch chunk opens a range");
    }

    @Override
    public void prepareMarkers() {}

    @Override
    public EntityWriter<?> openRange(
        String runId, CompiledEntity entity, long first, long from, long to) {
      return bytes.open(entity, from);
    }

    @Override
    public OptionalLong committedNext(String runId, CompiledEntity entity, long first) {
      return OptionalLong.of(42);
    }

    @Override
    public void forgetMarkers(String runId) {}

    @Override
    public void close() {}
  }

  private final class Collecting implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      exported.addAll(spans);
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
