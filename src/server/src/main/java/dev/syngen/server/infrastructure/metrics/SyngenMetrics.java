package dev.syngen.server.infrastructure.metrics;

import dev.syngen.core.engine.RunListener;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.sink.Sink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The application's metrics, labelled by target kind and entity only (never a run id, never a DSN).
 * Prometheus names, as served at /metrics: {@code syngen_records_produced_total}, {@code
 * syngen_bytes_produced_total}, {@code syngen_produce_errors_total}, {@code
 * syngen_produce_latency_seconds}, {@code syngen_run_duration_seconds}, {@code
 * syngen_produce_rate}, {@code syngen_runs_active}, {@code syngen_runs_queued}.
 */
@ApplicationScoped
public class SyngenMetrics {
  static final String KIND = "target_kind";
  static final String ENTITY = "entity";

  private static final Metadata RECORDS =
      counter("syngen.records.produced", "Records written to targets");
  private static final Metadata BYTES =
      counter("syngen.bytes.produced", "Bytes written to targets (as encoded for the target)");
  private static final Metadata ERRORS =
      counter("syngen.produce.errors", "Failed target operations (open, prepare, write, finish)");
  private static final Metadata LATENCY =
      Metadata.builder()
          .withName("syngen.produce.latency")
          .withDescription("Time to hand one batch of records to a target")
          .withUnit(MetricUnits.SECONDS)
          .build();
  private static final Metadata RUN_DURATION =
      Metadata.builder()
          .withName("syngen.run.duration")
          .withDescription("Run durations by target kind and outcome")
          .withUnit(MetricUnits.SECONDS)
          .build();
  private static final Metadata RATE =
      Metadata.builder()
          .withName("syngen.produce.rate")
          .withDescription("Records per second achieved over the last 10 seconds")
          .withUnit(MetricUnits.PER_SECOND)
          .build();

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  private final Map<String, RateWindow> rates = new ConcurrentHashMap<>();

  private static Metadata counter(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description).build();
  }

  /** A listener that counts a run's records and bytes as the engine reports them. */
  public RunListener listener(String targetKind) {
    return new MetricsListener(this, targetKind);
  }

  /** Opens a sink that times every batch and counts failures, opening included. */
  public Sink metered(Supplier<Sink> open, String targetKind) {
    Sink sink;
    try {
      sink = open.get();
    } catch (RuntimeException e) {
      error(targetKind, MeteredSink.ALL);
      throw e;
    }
    return new MeteredSink(sink, this, targetKind);
  }

  /** Records a finished run's duration under its outcome (success, failed, cancelled). */
  public void runFinished(RunRecord run) {
    if (run.startedAt() == null || run.finishedAt() == null) {
      return;
    }
    registry
        .timer(RUN_DURATION, kind(run.targetKind()), new Tag("status", run.status().label()))
        .update(Duration.between(run.startedAt(), run.finishedAt()));
  }

  void produced(String kind, String entity, long records, long bytes) {
    Tag[] tags = {kind(kind), new Tag(ENTITY, entity)};
    if (records > 0) {
      registry.counter(RECORDS, tags).inc(records);
      rate(kind).add(records);
    }
    if (bytes > 0) {
      registry.counter(BYTES, tags).inc(bytes);
    }
  }

  void latency(String kind, String entity, long nanos) {
    registry.timer(LATENCY, kind(kind), new Tag(ENTITY, entity)).update(Duration.ofNanos(nanos));
  }

  void error(String kind, String entity) {
    registry.counter(ERRORS, kind(kind), new Tag(ENTITY, entity)).inc();
  }

  private RateWindow rate(String kind) {
    return rates.computeIfAbsent(
        kind,
        k -> {
          RateWindow w = new RateWindow(System::currentTimeMillis);
          registry.gauge(RATE, w, RateWindow::perSecond, kind(k));
          return w;
        });
  }

  private static Tag kind(String kind) {
    return new Tag(KIND, kind == null || kind.isBlank() ? "unknown" : kind);
  }
}
