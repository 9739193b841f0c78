package dev.syngen.bench;

import dev.syngen.cli.Output;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.lifecycle.CompiledLifecycle;
import dev.syngen.core.lifecycle.EventTimeMerge;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.io.yaml.ScenarioFiles;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code syngen-bench bench-merge}: the events of a 3-state lifecycle in event-time order, by the
 * time-bucketed merge and by the simplest alternative (generate every event, then sort them all),
 * beside the same events in instance order (no ordering at all). Every ordered stream is checked as
 * it is consumed: event times never go back, the count is the plan's, and both orders give the same
 * stream (a checksum of every event's time, instance and index). Exits 1 when a check fails.
 */
@Command(
    name = "bench-merge",
    description = "Event-time merge of lifecycle events: speed, order and memory.",
    mixinStandardHelpOptions = true)
final class MergeBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--instances",
      split = ",",
      defaultValue = "1000000",
      description =
          "Tickets (3 events each), one run per value; their start times spread over 30 days per"
              + " million, so as many are alive at once at any count (default: ${DEFAULT-VALUE}).")
  long[] instances;

  @Option(
      names = "--orders",
      split = ",",
      defaultValue = "instance,merge,sort",
      description =
          "What to run, in this order: instance, merge, sort (default: ${DEFAULT-VALUE}).")
  List<Order> orders;

  @Option(
      names = "--warm-up",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "First run every order once on a tenth of the first count, unmeasured (default: on).")
  boolean warmUp;

  enum Order {
    INSTANCE,
    MERGE,
    SORT
  }

  private static final int BATCH = 4096;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    if (warmUp) {
      CompiledPlan plan = plan(Math.max(1, instances[0] / 10));
      CompiledEntity events = events(plan);
      for (Order o : orders) {
        run(o, events, EventTimeMerge.lifecycleOf(plan.entities(), events), new Check(events));
      }
    }
    // CPU time of the whole process (garbage collection included): on a shared machine it moves
    // much less than the wall clock
    var cpu =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    boolean ok = true;
    for (long n : instances) {
      CompiledPlan plan = plan(n);
      CompiledEntity events = events(plan);
      CompiledLifecycle lc = EventTimeMerge.lifecycleOf(plan.entities(), events);
      Long checksum = null;
      for (Order o : orders) {
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        Check check = new Check(events);
        long t0 = System.nanoTime();
        long cpu0 = cpu.getProcessCpuTime();
        long highWater = run(o, events, lc, check);
        double s = (System.nanoTime() - t0) / 1e9;
        double cpuS = (cpu.getProcessCpuTime() - cpu0) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        boolean ordered = o == Order.INSTANCE || check.outOfOrder == 0;
        boolean same = o == Order.INSTANCE || checksum == null || checksum == check.checksum;
        if (o != Order.INSTANCE && checksum == null) {
          checksum = check.checksum;
        }
        ok &= check.count == events.rows() && ordered && same;
        out.printf(
            "%s order, %,d tickets: %,d of %,d events, %s events/s (%.1f s), %s events per CPU"
                + " second (%.1f s), out of order: %s,"
                + " same stream: %s, buffered high-water: %s events, peak heap: %d MB of %d MB%n",
            o.name().toLowerCase(),
            n,
            check.count,
            events.rows(),
            Output.count(Math.round(check.count / s)),
            s,
            Output.count(Math.round(check.count / cpuS)),
            cpuS,
            o == Order.INSTANCE ? "-" : Output.count(check.outOfOrder),
            o == Order.INSTANCE ? "-" : same ? "yes" : "NO",
            highWater < 0 ? "-" : Output.count(highWater),
            peak >> 20,
            Runtime.getRuntime().maxMemory() >> 20);
        out.flush();
      }
    }
    return ok ? 0 : 1;
  }

  /** The scenario of {@code src/bench/scenarios/lifecycle-3.yaml}, stretched with the count. */
  static String yaml(long tickets) {
    long days = Math.max(1, (tickets * 30 + 999_999) / 1_000_000);
    return """
        name: Lifecycle merge benchmark, 3 states
        seed: 3
        as_of: 2026-01-01T00:00:00Z
        entities:
          - name: tickets
            rows: %d
            columns:
              - {name: ticket_id, type: bigint, generator: sequence}
              - {name: opened_at, type: timestamp, generator: {type: timestamp_between, params: {start: "-%dd", end: "0d"}}}
            lifecycle:
              start: opened_at
              initial: open
              dwell_unit: hours
              states:
                open: {dwell: {type: exponential, params: {mean: 4}}, next: {working: 1.0}}
                working: {dwell: {type: lognormal, params: {mu: 2, sigma: 0.8}}, next: {closed: 1.0}}
                closed: {}
        """
        .formatted(tickets, days);
  }

  private static CompiledPlan plan(long tickets) {
    return new PlanCompiler(GeneratorRegistry.builtins())
        .compile(ScenarioFiles.parse(yaml(tickets), "merge-bench"), RunOverrides.NONE);
  }

  private static CompiledEntity events(CompiledPlan plan) {
    return plan.entities().stream()
        .filter(e -> e.name().equals("tickets_events"))
        .findFirst()
        .orElseThrow();
  }

  /** Runs one order into {@code check}; returns the most events buffered at once (−1: none). */
  private static long run(Order o, CompiledEntity events, CompiledLifecycle lc, Check check) {
    return switch (o) {
      case INSTANCE -> {
        RowBatch b = new RowBatch(events, BATCH);
        for (long first = 0; first < events.rows(); first += BATCH) {
          check.unordered(b.fill(first, (int) Math.min(BATCH, events.rows() - first)));
        }
        yield -1;
      }
      case MERGE -> {
        EventTimeMerge merge = new EventTimeMerge(lc, events, EventTimeMerge.WINDOW_INSTANCES);
        RowBatch b = new RowBatch(events, BATCH);
        long[] times = new long[BATCH];
        while (merge.next(b, times, null, null, BATCH, Long.MAX_VALUE) > 0) {
          check.ordered(b);
        }
        yield merge.bufferedHighWater();
      }
      case SORT -> sortEverything(events, check);
    };
  }

  /**
   * Every event generated in instance order and kept, then one sort of them all by (event time,
   * row): rows of an instance are consecutive and in event order, so this is the merge's order.
   */
  private static long sortEverything(CompiledEntity events, Check check) {
    int total = Math.toIntExact(events.rows());
    int time = check.time;
    List<RowBatch> kept = new ArrayList<>();
    long[] times = new long[total];
    for (int first = 0; first < total; first += BATCH) {
      RowBatch b = new RowBatch(events, BATCH).fill(first, Math.min(BATCH, total - first));
      System.arraycopy(b.column(time).longs, 0, times, first, b.size());
      kept.add(b);
    }
    long min = Arrays.stream(times).min().orElse(0);
    long max = Arrays.stream(times).max().orElse(0);
    int rowBits = 64 - Long.numberOfLeadingZeros(Math.max(1, total));
    if (64 - Long.numberOfLeadingZeros(Math.max(1, max - min)) + rowBits > 63) {
      throw new IllegalStateException("event times span too much to pack with a row index");
    }
    long[] keys = new long[total]; // (time − min, row) packed, so one primitive sort does it
    for (int i = 0; i < total; i++) {
      keys[i] = (times[i] - min) << rowBits | i;
    }
    Arrays.sort(keys);
    long mask = (1L << rowBits) - 1;
    RowBatch out = new RowBatch(events, BATCH);
    out.reset(0);
    for (int i = 0; i < total; i++) {
      int row = (int) (keys[i] & mask);
      out.append(kept.get(row / BATCH), row % BATCH);
      if (out.size() == BATCH || i == total - 1) {
        check.ordered(out);
        out.reset(i + 1L);
      }
    }
    return total;
  }

  /** Consumes a stream: counts it, checks its event times never go back, sums it up. */
  private static final class Check {
    final int time;
    final int key;
    final int index;
    long count;
    long outOfOrder;
    long checksum = 17;
    private long last = Long.MIN_VALUE;

    Check(CompiledEntity events) {
      List<String> names = events.columns().stream().map(c -> c.name()).toList();
      time = names.indexOf("event_time");
      key = names.indexOf("ticket_id");
      index = names.indexOf("event_index");
    }

    void ordered(RowBatch b) {
      long[] t = b.column(time).longs;
      long[] k = b.column(key).longs;
      long[] x = b.column(index).longs;
      for (int i = 0; i < b.size(); i++) {
        if (t[i] < last) {
          outOfOrder++;
        }
        last = t[i];
        checksum = ((checksum * 31 + t[i]) * 31 + k[i]) * 31 + x[i];
      }
      count += b.size();
    }

    void unordered(RowBatch b) {
      count += b.size();
    }
  }
}
