package dev.syngen.server.infrastructure.tracing;

import dev.syngen.core.engine.RunRecord;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the spans of runs and of the server's own work (fidelity checks, console actions) through
 * the tracer of Liberty's mpTelemetry. With the SDK disabled (otel.sdk.disabled=true, the default)
 * the tracer makes no spans, nothing is wrapped, and a run costs what it cost before.
 */
@ApplicationScoped
public class RunTracing {
  static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("syngen.run_id");
  static final AttributeKey<String> SCENARIO_ID = AttributeKey.stringKey("syngen.scenario_id");
  static final AttributeKey<String> TARGET_KIND = AttributeKey.stringKey("syngen.target_kind");
  static final AttributeKey<String> ENTITY = AttributeKey.stringKey("syngen.entity");
  static final AttributeKey<Long> ROWS = AttributeKey.longKey("syngen.rows");

  @Inject Tracer tracer;
  @Inject RunTraces traces;

  /** One target write in this many gets a span of its own (the first of each entity always). */
  @Inject
  @ConfigProperty(name = "syngen.trace.write-sample", defaultValue = "16")
  int writeSample;

  /** The spans of a traced run this server executed, for the console's trace view. */
  public List<SpanRecord> spans(String runId) {
    return traces.spans(runId);
  }

  /** The current thread's trace, to parent a run started from here. */
  public TraceParent current() {
    return new TraceParent(Context.current());
  }

  /**
   * Starts the root span of a run executed on this thread, a child of {@code parent}'s span when
   * there is one; it is current here until it ends.
   */
  public RunSpan startRun(RunRecord run, TraceParent parent) {
    return start(run, parent, true);
  }

  /**
   * Starts the root span of a run executed as Jakarta Batch jobs, a child of {@code parent}'s span
   * when there is one. It is not made current on this thread (the request's, which goes on after
   * the run is submitted): the jobs' threads parent their spans on it, and whichever thread sees
   * the run end ends it.
   */
  public RunSpan startBatchRun(RunRecord run, TraceParent parent) {
    return start(run, parent, false);
  }

  private RunSpan start(RunRecord run, TraceParent parent, boolean current) {
    Span span =
        tracer
            .spanBuilder("run " + run.scenarioId())
            .setParent(parent.context)
            .setSpanKind(SpanKind.INTERNAL)
            .setAttribute(RUN_ID, run.id())
            .setAttribute(SCENARIO_ID, run.scenarioId())
            .setAttribute(TARGET_KIND, run.targetKind())
            .startSpan();
    return new RunSpan(tracer, span, current, Math.max(1, writeSample), run.id(), traces);
  }

  /** Starts a span named {@code name}, current on this thread until the answer is closed. */
  public ActionSpan startAction(String name) {
    Span span = tracer.spanBuilder(name).setSpanKind(SpanKind.SERVER).startSpan();
    return new ActionSpan(span, span.makeCurrent());
  }

  /** A span current on the thread that started it; closing it there ends it. */
  public static final class ActionSpan implements AutoCloseable {
    private final Span span;
    private final Scope scope;

    ActionSpan(Span span, Scope scope) {
      this.span = span;
      this.scope = scope;
    }

    /** Marks the action as failed, naming only the kind of failure. */
    public void failed(Throwable e) {
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
    }

    @Override
    public void close() {
      scope.close();
      span.end();
    }
  }

  /**
   * Runs {@code work} in a span named {@code name} on this thread, tagged with the run it concerns
   * ({@code runId} may be null); a failure marks the span as an error without its message, which
   * might carry a target's details.
   */
  public <T> T inSpan(String name, String runId, Supplier<T> work) {
    var builder = tracer.spanBuilder(name);
    if (runId != null) {
      builder.setAttribute(RUN_ID, runId);
    }
    Span span = builder.startSpan();
    try (Scope ignored = span.makeCurrent()) {
      return work.get();
    } catch (RuntimeException e) {
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }
}
