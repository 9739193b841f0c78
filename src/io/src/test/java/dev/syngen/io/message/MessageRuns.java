package dev.syngen.io.message;

import static dev.syngen.core.Fixtures.col;
import static dev.syngen.core.Fixtures.entity;
import static dev.syngen.core.Fixtures.gen;

import dev.syngen.core.Fixtures;
import dev.syngen.core.engine.CancelToken;
import dev.syngen.core.engine.RunEngine;
import dev.syngen.core.engine.RunListener;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.Scenario;
import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TableMode;
import dev.syngen.core.traffic.Rate;
import dev.syngen.core.traffic.Traffic;
import dev.syngen.core.traffic.TrafficMode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A small two-entity scenario and helpers to run it into a message sink, shared by the broker
 * tests.
 */
public final class MessageRuns {
  private MessageRuns() {}

  /** {@code devices} (20 rows) and {@code readings} ({@code readings} rows, fk to devices). */
  public static CompiledPlan plan(long readings) {
    Scenario s =
        Fixtures.scenario(
            entity(
                "devices",
                20,
                col("device_id", ColumnType.UUID, gen("uuid4")),
                col("model", ColumnType.STRING, gen("choice", "values", List.of("a", "b", "c")))),
            entity(
                "readings",
                readings,
                col("reading_id", ColumnType.BIGINT, gen("sequence")),
                col(
                    "device_id",
                    ColumnType.UUID,
                    gen("fk", "entity", "devices", "column", "device_id")),
                col("value", ColumnType.DOUBLE, gen("normal", "mean", 20.0, "std", 3.0)),
                col(
                    "observed_at",
                    ColumnType.TIMESTAMP,
                    gen("time_series", "start", "-1d", "step", "1s"))));
    return Fixtures.compile(s, 42);
  }

  /** The W3C trace context of a traced run, as the server hands it to the sinks. */
  public static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  /** The context of a traced run: its messages carry {@link #TRACEPARENT}. */
  public static RunContext traced(CompiledPlan plan, String runId) {
    return RunContext.of(plan, runId).withTraceparent(TRACEPARENT);
  }

  public static RunContext context(CompiledPlan plan, String runId) {
    return RunContext.of(plan, runId);
  }

  public static Traffic rate(double recordsPerSecond) {
    return new Traffic(
        new Rate(recordsPerSecond, Rate.Unit.RECORDS), TrafficMode.STEADY, null, null, null, 0);
  }

  /** Runs the plan into the sink and closes it. */
  public static void run(CompiledPlan plan, Sink sink, Traffic traffic, RunListener listener) {
    try (sink) {
      new RunEngine(2, 1024, traffic)
          .run(plan, sink, TableMode.CREATE_IF_MISSING, Map.of(), listener, new CancelToken());
    }
  }

  /**
   * A listener that, once {@code entity} has {@code atRow} rows written, runs {@code outage} on its
   * own thread (stop a broker, wait, start it again) while the run goes on.
   */
  public static RunListener outageAt(
      String entity, long atRow, Outage outage, List<Throwable> errors) {
    AtomicBoolean fired = new AtomicBoolean();
    return new RunListener() {
      @Override
      public void progress(CompiledEntity e, long rowsDone) {
        if (e.name().equals(entity) && rowsDone >= atRow && fired.compareAndSet(false, true)) {
          Thread t =
              new Thread(
                  () -> {
                    try {
                      outage.run();
                    } catch (Throwable ex) {
                      errors.add(ex);
                    }
                  },
                  "test-outage");
          t.setDaemon(true);
          t.start();
        }
      }
    };
  }

  /** Something that takes a broker away and (maybe) brings it back. */
  @FunctionalInterface
  public interface Outage {
    void run() throws Exception;
  }

  /** Row indexes that appear more than once, and the count of distinct ones. */
  public record Completeness(long distinct, long duplicates, long min, long max) {
    public static Completeness of(List<Long> rows) {
      Set<Long> seen = new HashSet<>();
      long dups = 0;
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (long r : rows) {
        if (!seen.add(r)) {
          dups++;
        }
        min = Math.min(min, r);
        max = Math.max(max, r);
      }
      return new Completeness(seen.size(), dups, min, max);
    }

    /** Every row index of [0, rows) exactly once. */
    public boolean exactlyOnce(long rows) {
      return distinct == rows && duplicates == 0 && min == 0 && max == rows - 1;
    }
  }
}
