package dev.syngen.core.lifecycle;

import dev.syngen.core.generate.ColumnRef;
import dev.syngen.core.generate.Conversions;
import dev.syngen.core.generate.Distributed;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.Params;
import dev.syngen.core.generate.builtin.RatePresets;
import dev.syngen.core.generate.builtin.TimeSpec;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.random.IntensityCurve;
import dev.syngen.core.random.Law;
import dev.syngen.core.random.StreamKeys;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.Lifecycle;
import dev.syngen.core.scenario.LifecycleEntities;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binds a lifecycle once its entity's columns are bound: dwell distributions, branch conditions
 * (expressions over the instance's columns) and set values, each with its own stream key.
 */
public final class LifecycleCompiler {
  /** Binds a generator spec written in the lifecycle in the entity's row context. */
  @FunctionalInterface
  public interface Binder {
    Generator bind(Object spec, String path, ColumnType type, long key);
  }

  private static final String EVENT_TIME = "event_time";

  private final long seed;
  private final Instant asOf;
  private final Binder binder;
  private final Problems problems;

  public LifecycleCompiler(long seed, Instant asOf, Binder binder, Problems problems) {
    this.seed = seed;
    this.asOf = asOf;
    this.binder = binder;
    this.problems = problems;
  }

  /** Binds {@code lc} of entity {@code entity} with its bound columns; null after problems. */
  public CompiledLifecycle compile(
      String entity, Lifecycle lc, String path, List<ColumnRef> columns) {
    int n = lc.states().size();
    String[] names = new String[n];
    boolean[] delete = new boolean[n];
    Generator[] dwell = new Generator[n];
    long[] dwellKeys = new long[n];
    IntensityCurve[] shapes = new IntensityCurve[n];
    CompiledLifecycle.Branch[][] branches = new CompiledLifecycle.Branch[n][];
    boolean ok = true;
    for (int s = 0; s < n; s++) {
      Lifecycle.State st = lc.states().get(s);
      names[s] = st.name();
      delete[s] = st.delete();
      String sp = path + ".states." + st.name();
      if (!st.terminal()) {
        dwellKeys[s] = StreamKeys.of(seed, entity, "", "lifecycle.dwell." + st.name());
        dwell[s] = dwell(st, sp + ".dwell", dwellKeys[s]);
        ok &= dwell[s] != null;
      }
      if (st.shape() != null) {
        shapes[s] = shape(st.shape(), sp + ".shape");
        ok &= shapes[s] != null;
      }
      branches[s] = new CompiledLifecycle.Branch[st.next().size()];
      for (int b = 0; b < st.next().size(); b++) {
        branches[s][b] = branch(entity, lc, st, b, sp + ".next");
        ok &= branches[s][b] != null;
      }
    }
    List<String> tracked = LifecycleEntities.tracked(lc);
    int[] slots = new int[tracked.size()];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = indexOf(columns, tracked.get(i));
    }
    CompiledLifecycle.Setter[][] setters = new CompiledLifecycle.Setter[n][];
    for (int s = 0; s < n; s++) {
      Lifecycle.State st = lc.states().get(s);
      List<CompiledLifecycle.Setter> list = new ArrayList<>();
      for (Map.Entry<String, Object> e : st.set().entrySet()) {
        CompiledLifecycle.Setter setter =
            setter(entity, st, e, tracked.indexOf(e.getKey()), columns, path);
        ok &= setter != null;
        list.add(setter);
      }
      setters[s] = list.toArray(CompiledLifecycle.Setter[]::new);
    }
    long until = Long.MAX_VALUE;
    if (lc.until() != null) {
      Long u = TimeSpec.parseInstant(lc.until(), asOf);
      if (u == null) {
        problems.add(
            path + ".until",
            "'" + lc.until() + "' is neither a relative time nor an ISO-8601 instant",
            TimeSpec.FIX);
        ok = false;
      } else {
        until = u;
      }
    }
    if (!ok) {
      return null;
    }
    return new CompiledLifecycle(
        entity,
        names,
        lc.indexOf(lc.initial()),
        delete,
        dwell,
        dwellKeys,
        shapes,
        lc.dwellUnitMillis(),
        branches,
        StreamKeys.of(seed, entity, "", "lifecycle.choice"),
        columns.get(indexOf(columns, lc.start())),
        until,
        lc.maxEvents(),
        columns,
        slots,
        setters,
        indexOf(columns, lc.key()),
        lc.finalRow());
  }

  private Generator dwell(Lifecycle.State st, String path, long key) {
    Generator g = binder.bind(specOf(st.dwell()), path, ColumnType.DOUBLE, key);
    if (g == null) {
      return null;
    }
    if (!(Conversions.unwrap(g) instanceof Distributed d)
        || !(lawOf(d) instanceof Law.Continuous || lawOf(d) instanceof Law.Discrete)) {
      problems.add(
          path + ".type",
          "generator '" + st.dwell().type() + "' follows no fixed numeric law",
          "use a distribution such as exponential, lognormal, gamma, uniform_float or"
              + " truncated_normal (fidelity then checks dwell times against it)");
      return null;
    }
    return g;
  }

  /** The activity curve a state's dwell is counted on, read as poisson_process reads it. */
  private IntensityCurve shape(Map<String, Object> raw, String path) {
    Params p = new Params(raw, path, problems);
    IntensityCurve curve = RatePresets.curve(p);
    p.reportUnknown("shape");
    return p.ok() ? curve : null;
  }

  private static Law lawOf(Distributed d) {
    return d.law();
  }

  private CompiledLifecycle.Branch branch(
      String entity, Lifecycle lc, Lifecycle.State st, int b, String path) {
    Lifecycle.Branch br = st.next().get(b);
    int[] to = new int[br.to().size()];
    double[] cumulative = new double[to.length];
    double sum = 0;
    int i = 0;
    for (Map.Entry<String, Double> e : br.to().entrySet()) {
      to[i] = lc.indexOf(e.getKey());
      sum += e.getValue();
      cumulative[i++] = sum;
    }
    cumulative[to.length - 1] = 1.0; // rounding never leaves a gap at the top
    if (br.when() == null) {
      return new CompiledLifecycle.Branch(null, 0, to, cumulative);
    }
    long key = StreamKeys.of(seed, entity, "", "lifecycle.when." + st.name() + "." + b);
    String p = path + "[" + b + "].when";
    Generator when =
        binder.bind(
            Map.of("type", "expression", "params", Map.of("expr", br.when())),
            p,
            ColumnType.BOOL,
            key);
    return when == null ? null : new CompiledLifecycle.Branch(when, key, to, cumulative);
  }

  private CompiledLifecycle.Setter setter(
      String entity,
      Lifecycle.State st,
      Map.Entry<String, Object> e,
      int slot,
      List<ColumnRef> columns,
      String path) {
    String p = path + ".states." + st.name() + ".set." + e.getKey();
    ColumnType type = columns.get(indexOf(columns, e.getKey())).type();
    Object v = e.getValue();
    if (EVENT_TIME.equals(v) && type != ColumnType.STRING && type != ColumnType.TEXT) {
      if (type != ColumnType.TIMESTAMP) {
        problems.add(
            p,
            "event_time fits a timestamp column, but '" + e.getKey() + "' is " + type.yamlName(),
            "set a timestamp column to event_time, or give a value of type " + type.yamlName());
        return null;
      }
      return new CompiledLifecycle.Setter(slot, null, 0);
    }
    long key = StreamKeys.of(seed, entity, e.getKey(), "lifecycle.set." + st.name());
    Object spec =
        v instanceof Map<?, ?> ? v : Map.of("type", "const", "params", Map.of("value", v));
    Generator g = binder.bind(spec, p, type, key);
    return g == null ? null : new CompiledLifecycle.Setter(slot, g, key);
  }

  private static Object specOf(dev.syngen.core.scenario.GeneratorSpec spec) {
    return Map.of("type", spec.type(), "params", spec.params());
  }

  private static int indexOf(List<ColumnRef> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).column().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column " + name); // checked when mapped
  }
}
