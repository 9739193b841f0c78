package dev.syngen.core.generate.builtin;

import dev.syngen.core.engine.ValueFormat;
import dev.syngen.core.generate.Distributed;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.random.FlooredLaw;
import dev.syngen.core.random.Law;
import dev.syngen.core.random.PiecewiseLinearLaw;
import dev.syngen.core.scenario.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Values shaped like observed data: either quantiles ({@code {0: 1, 0.5: 22, 0.9: 80, 1: 400}},
 * linear between them) or histogram buckets ({@code edges} with one {@code weights} entry per
 * bucket, uniform within a bucket). Whole-number columns get whole numbers (a quantile value v
 * covers [v, v+1)); timestamp columns take instants as quantile values.
 */
public final class Empirical implements Generator, Distributed {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "empirical",
          "shaped like observed data; params: quantiles ({probability: value}, with 0 and 1)"
              + " or edges + weights (histogram buckets)",
          Empirical::create);

  private final ValueKind kind;
  private final PiecewiseLinearLaw shape;
  private final Law law;

  private Empirical(ValueKind kind, PiecewiseLinearLaw shape, String name) {
    this.kind = kind;
    this.shape = shape;
    boolean whole = kind == ValueKind.LONG || kind == ValueKind.DATE;
    this.law =
        whole ? new Law.Discrete(name, new FlooredLaw(shape)) : new Law.Continuous(name, shape);
  }

  private static Generator create(GeneratorContext ctx) {
    Params p = ctx.params();
    ValueKind kind = outputKind(ctx.columnType().kind());
    boolean quantiles = p.has("quantiles");
    boolean buckets = p.has("edges") || p.has("weights");
    if (quantiles == buckets) {
      p.problem(
          null,
          quantiles ? "has both quantiles and edges/weights" : "needs quantiles or edges + weights",
          "give quantiles: {0: 1, 0.5: 20, 1: 300} or edges: [0, 10, 100] with weights: [7, 3]");
      return null;
    }
    Values values = new Values(p, kind, ctx);
    PiecewiseLinearLaw shape = quantiles ? fromQuantiles(p, values) : fromBuckets(p, values);
    if (shape == null || !p.ok()) {
      return null;
    }
    String name =
        "empirical("
            + (quantiles ? "quantiles " : "histogram ")
            + show(kind, shape.getSupportLowerBound())
            + ".."
            + show(kind, shape.getSupportUpperBound())
            + ")";
    return new Empirical(kind, shape, name);
  }

  private static String show(ValueKind kind, double v) {
    return switch (kind) {
      case TIMESTAMP -> ValueFormat.timestamp(Math.round(v));
      case DATE -> ValueFormat.date((long) Math.floor(v));
      default -> Checks.num(v);
    };
  }

  private static ValueKind outputKind(ValueKind column) {
    return switch (column) {
      case LONG, TIMESTAMP, DATE -> column;
      default -> ValueKind.DOUBLE;
    };
  }

  private static PiecewiseLinearLaw fromQuantiles(Params p, Values values) {
    if (!(p.raw("quantiles") instanceof Map<?, ?> raw) || raw.size() < 2) {
      p.problem("quantiles", "must map at least two probabilities to values", EXAMPLE);
      return null;
    }
    TreeMap<Double, Double> points = new TreeMap<>();
    for (Map.Entry<?, ?> e : raw.entrySet()) {
      Double prob = probability(e.getKey());
      Double v = values.parse(e.getValue(), "quantiles." + e.getKey());
      if (prob == null) {
        p.problem("quantiles." + e.getKey(), "is not a probability in [0, 1]", EXAMPLE);
      } else if (v != null) {
        points.put(prob, v);
      }
    }
    if (!p.ok()) {
      return null;
    }
    if (points.firstKey() != 0.0 || points.lastKey() != 1.0) {
      p.problem(
          "quantiles", "must include probabilities 0 (the minimum) and 1 (the maximum)", EXAMPLE);
      return null;
    }
    List<double[]> knots = new ArrayList<>();
    double previous = Double.NEGATIVE_INFINITY;
    for (Map.Entry<Double, Double> e : points.entrySet()) {
      if (e.getValue() < previous) {
        p.problem(
            "quantiles." + Checks.num(e.getKey()),
            "value " + Checks.num(e.getValue()) + " is below the value of a smaller probability",
            "quantile values must not decrease as the probability grows");
        return null;
      }
      previous = e.getValue();
      knots.add(new double[] {e.getKey(), e.getValue()});
    }
    return values.whole ? wholeKnots(knots) : realKnots(knots);
  }

  private static final String EXAMPLE = "write e.g. quantiles: {0: 1, 0.5: 20, 0.9: 75, 1: 300}";

  /** Ties (a point mass) become a steep but increasing stretch, as a continuous law needs. */
  private static PiecewiseLinearLaw realKnots(List<double[]> knots) {
    double[] x = new double[knots.size()];
    double[] c = new double[knots.size()];
    for (int i = 0; i < x.length; i++) {
      c[i] = knots.get(i)[0];
      double v = knots.get(i)[1];
      // a stretch wide enough for doubles to tell its points apart, narrow enough to read as a
      // spike
      x[i] = i > 0 && v <= x[i - 1] ? x[i - 1] + Math.max(Math.abs(x[i - 1]) * 1e-9, 1e-9) : v;
    }
    return new PiecewiseLinearLaw(x, c);
  }

  /** Whole numbers: quantile value v with probability p means P(X <= v) = p, X on [v, v + 1). */
  private static PiecewiseLinearLaw wholeKnots(List<double[]> knots) {
    TreeMap<Double, Double> last = new TreeMap<>(); // distinct value -> highest probability
    for (double[] k : knots) {
      last.merge(Math.floor(k[1]), k[0], Math::max);
    }
    double[] x = new double[last.size() + 1];
    double[] c = new double[last.size() + 1];
    x[0] = last.firstKey();
    int i = 1;
    for (Map.Entry<Double, Double> e : last.entrySet()) {
      x[i] = e.getKey() + 1;
      c[i++] = e.getValue();
    }
    c[c.length - 1] = 1;
    return new PiecewiseLinearLaw(x, c);
  }

  private static PiecewiseLinearLaw fromBuckets(Params p, Values values) {
    List<?> edges = p.list("edges", "[0, 10, 100, 1000]");
    List<?> weights = p.list("weights", "[60, 30, 10]");
    if (edges == null || weights == null) {
      return null;
    }
    if (weights.size() != edges.size() - 1) {
      p.problem(
          "weights",
          "has " + weights.size() + " entries for " + (edges.size() - 1) + " buckets",
          "give one weight per bucket (edges has one more entry than weights)");
      return null;
    }
    double[] x = new double[edges.size()];
    double[] c = new double[edges.size()];
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      Double v = values.parse(edges.get(i), "edges[" + i + "]");
      if (v == null) {
        return null;
      }
      x[i] = v;
      if (i > 0 && !(x[i] > x[i - 1])) {
        p.problem("edges[" + i + "]", "must be greater than the edge before it", "sort the edges");
        return null;
      }
      if (i > 0) {
        Object w = weights.get(i - 1);
        double d = w instanceof Number n ? n.doubleValue() : Double.NaN;
        if (!(d >= 0) || Double.isInfinite(d)) {
          p.problem(
              "weights[" + (i - 1) + "]", "must be a number >= 0, got '" + w + "'", "use e.g. 25");
          return null;
        }
        sum += d;
        c[i] = sum;
      }
    }
    if (!(sum > 0)) {
      p.problem("weights", "must not all be zero", "give at least one bucket a weight > 0");
      return null;
    }
    for (int i = 0; i < c.length; i++) {
      c[i] /= sum;
    }
    c[c.length - 1] = 1;
    return new PiecewiseLinearLaw(x, c);
  }

  private static Double probability(Object key) {
    try {
      double d =
          key instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(key));
      return d >= 0 && d <= 1 ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Parses knot values: numbers, or instants for timestamp and date columns. */
  private static final class Values {
    final Params p;
    final ValueKind kind;
    final GeneratorContext ctx;
    final boolean whole;

    Values(Params p, ValueKind kind, GeneratorContext ctx) {
      this.p = p;
      this.kind = kind;
      this.ctx = ctx;
      this.whole = kind == ValueKind.LONG || kind == ValueKind.DATE;
    }

    Double parse(Object raw, String name) {
      if (kind == ValueKind.TIMESTAMP || kind == ValueKind.DATE) {
        Long ms = raw == null ? null : TimeSpec.parseInstant(String.valueOf(raw), ctx.asOf());
        if (ms == null) {
          p.problem(name, "'" + raw + "' is not an instant", TimeSpec.FIX);
          return null;
        }
        return kind == ValueKind.DATE ? (double) Math.floorDiv(ms, 86_400_000L) : (double) ms;
      }
      if (raw instanceof Number n && Double.isFinite(n.doubleValue())) {
        return n.doubleValue();
      }
      p.problem(name, "must be a finite number, got '" + raw + "'", "use e.g. 42");
      return null;
    }
  }

  @Override
  public ValueKind kind() {
    return kind;
  }

  @Override
  public double doubleAt(long key, long row) {
    return shape.inverseCumulativeProbability(CellRandom.unit(key, row, 0));
  }

  @Override
  public long longAt(long key, long row) {
    double x = doubleAt(key, row);
    return kind == ValueKind.TIMESTAMP ? Math.round(x) : (long) Math.floor(x);
  }

  @Override
  public Law law() {
    return law;
  }
}
