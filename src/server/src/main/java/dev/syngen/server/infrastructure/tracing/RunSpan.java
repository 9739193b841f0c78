package dev.syngen.server.infrastructure.tracing;

import dev.syngen.core.engine.EntityStats;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunStatus;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.Sink;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The root span of one run, current on the thread that executes it, with a child span per entity (a
 * listener) and sampled child spans of target writes (a sink wrapper). Spans carry ids, names and
 * counts only, never values, DSNs or error messages. Finished spans are also kept in {@link
 * RunTraces} for the console's trace view.
 */
public final class RunSpan {
  private final Tracer tracer;
  private final Span span;
  private final Scope scope;
  private final int writeSample;
  private final String runId;
  private final RunTraces traces;
  private final Instant start = Instant.now();
  private final Map<String, Open> entities = new ConcurrentHashMap<>();

  /** A span not yet ended, with when it began and its parent's id ("" for the run's own). */
  record Open(Span span, Instant start, String parentSpanId) {}

  /**
   * A run's span; {@code current} makes it the current span of the creating thread until {@link
   * #end} (an executor run, whose thread runs it from start to end). A batch run's span is never
   * current: its job, partitions and end run on threads of their own, which parent their spans on
   * it explicitly.
   */
  RunSpan(
      Tracer tracer, Span span, boolean current, int writeSample, String runId, RunTraces traces) {
    this.tracer = tracer;
    this.span = span;
    this.scope = current ? span.makeCurrent() : null;
    this.writeSample = writeSample;
    this.runId = runId;
    this.traces = traces;
  }

  /** Whether this run's spans are recorded and exported (SDK enabled and the trace sampled). */
  public boolean recorded() {
    return span.getSpanContext().isValid() && span.getSpanContext().isSampled();
  }

  /** The W3C traceparent of the run's span for message headers, "" when it is not recorded. */
  public String traceparent() {
    SpanContext c = span.getSpanContext();
    return recorded()
        ? "00-" + c.getTraceId() + "-" + c.getSpanId() + "-" + c.getTraceFlags().asHex()
        : "";
  }

  /**
   * Runs {@code work} with the run's span current on this thread, so the lines it logs name the
   * span: for a batch run's last lines, written on a job thread.
   */
  public void within(Runnable work) {
    if (!recorded()) {
      work.run();
      return;
    }
    try (Scope ignored = span.makeCurrent()) {
      work.run();
    }
  }

  /** A listener that opens a span when an entity starts and ends it when the entity is done. */
  public RunListener entities() {
    if (!recorded()) {
      return RunListener.NONE;
    }
    return new RunListener() {
      @Override
      public void entityStarted(CompiledEntity entity, long startRow) {
        Span s =
            tracer
                .spanBuilder("entity " + entity.name())
                .setParent(Context.root().with(span))
                .setAttribute(RunTracing.ENTITY, entity.name())
                .setAttribute("syngen.start_row", startRow)
                .startSpan();
        Open old = entities.put(entity.name(), new Open(s, Instant.now(), spanId()));
        if (old != null) {
          end(old, "entity " + entity.name(), -1);
        }
      }

      @Override
      public void entityFinished(EntityStats stats) {
        Open s = entities.remove(stats.entity());
        if (s != null) {
          s.span().setAttribute(RunTracing.ROWS, stats.rows());
          end(s, "entity " + stats.entity(), stats.rows());
        }
      }
    };
  }

  /**
   * {@code sink} with a span around one write in {@code syngen.trace.write-sample}; a sink that
   * commits partitions with their markers stays one.
   */
  public Sink sampledWrites(Sink sink) {
    return recorded() ? TracedSink.of(sink, this) : sink;
  }

  /** Starts the span of a sampled write, under its entity's span when that one is open. */
  Open startWrite(String entity, long batch) {
    Open entitySpan = entities.get(entity);
    Span parent = entitySpan == null ? span : entitySpan.span();
    Span s =
        tracer
            .spanBuilder("write " + entity)
            .setParent(Context.root().with(parent))
            .setAttribute(RunTracing.ENTITY, entity)
            .setAttribute("syngen.batch", batch)
            .startSpan();
    return new Open(s, Instant.now(), parent.getSpanContext().getSpanId());
  }

  /** Ends {@code open} and keeps it for the trace view. */
  void end(Open open, String name, long rows) {
    open.span().end();
    SpanContext c = open.span().getSpanContext();
    traces.add(
        runId,
        new SpanRecord(
            c.getTraceId(),
            c.getSpanId(),
            open.parentSpanId(),
            name,
            open.start(),
            Duration.between(open.start(), Instant.now()).toNanos() / 1_000,
            rows));
  }

  private String spanId() {
    return span.getSpanContext().getSpanId();
  }

  int writeSample() {
    return writeSample;
  }

  /**
   * Ends the run's span with its outcome and, for an executor run, leaves its scope: call it on the
   * thread that started the span then.
   */
  public void end(RunRecord last) {
    end(
        "run " + last.scenarioId(),
        last.rowsWritten(),
        last.status().label(),
        last.status() == RunStatus.FAILED);
  }

  void end(String name, long rows, String status, boolean failed) {
    try {
      entities.forEach((entity, open) -> end(open, "entity " + entity, -1));
      entities.clear();
      span.setAttribute(RunTracing.ROWS, rows);
      span.setAttribute("syngen.status", status);
      if (failed) {
        span.setStatus(StatusCode.ERROR, "the run failed; its record says why");
      }
      if (recorded()) {
        end(new Open(span, start, ""), name, rows);
      } else {
        span.end();
      }
    } finally {
      if (scope != null) {
        scope.close();
      }
    }
  }
}
