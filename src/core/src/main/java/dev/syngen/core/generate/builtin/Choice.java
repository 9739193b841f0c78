package dev.syngen.core.generate.builtin;

import dev.syngen.core.engine.ValueFormat;
import dev.syngen.core.generate.Distributed;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.generate.faker.FakerNode;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.random.Law;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.ValueKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of a list of values, uniformly or by relative weights (weights need not sum to 1). Values are
 * converted to the column's type when the plan is compiled.
 */
public final class Choice implements Generator, Distributed {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "choice",
          "one of values, optionally by relative weights; params: values, weights",
          Choice::create);

  private final ValueKind kind;
  private final Literal[] values;
  private final long[] bits;
  private final double[] cumulative; // null: uniform
  private final boolean plainText;

  Choice(ValueKind kind, Literal[] values, double[] cumulative) {
    this.kind = kind;
    this.values = values;
    this.bits = Arrays.stream(values).mapToLong(Literal::bits).toArray();
    this.cumulative = cumulative;
    this.plainText =
        kind != ValueKind.STRING || Arrays.stream(values).allMatch(v -> FakerNode.plain(v.text()));
  }

  @Override
  public boolean plainText() {
    return plainText;
  }

  private static Generator create(dev.syngen.core.generate.GeneratorContext ctx) {
    Params p = ctx.params();
    ColumnType type = ctx.columnType();
    List<?> raw = p.list("values", "[red, green, blue]");
    List<?> weights = p.has("weights") ? p.list("weights", "[0.5, 0.3, 0.2]") : null;
    if (raw == null) {
      return null;
    }
    Literal[] values = new Literal[raw.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = Literal.parse(raw.get(i), type);
      if (values[i] == null) {
        p.problem(
            "values[" + i + "]",
            "'" + raw.get(i) + "' is not " + Literal.expected(type),
            "make every value " + Literal.expected(type) + " or change the column type");
      }
    }
    double[] cumulative = weights == null ? null : cumulative(weights, values.length, p);
    if (!p.ok()) {
      return null;
    }
    return new Choice(type.kind(), values, cumulative);
  }

  static double[] cumulative(List<?> weights, int n, Params p) {
    if (weights.size() != n) {
      p.problem(
          "weights",
          "has " + weights.size() + " entries but values has " + n,
          "give exactly one weight per value");
      return null;
    }
    double[] c = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      Object w = weights.get(i);
      double d = w instanceof Number num ? num.doubleValue() : Double.NaN;
      if (!(d >= 0) || Double.isInfinite(d)) {
        p.problem("weights[" + i + "]", "must be a number >= 0, got '" + w + "'", "use e.g. 0.25");
        return null;
      }
      sum += d;
      c[i] = sum;
    }
    if (sum <= 0) {
      p.problem("weights", "must not all be zero", "give at least one weight > 0");
      return null;
    }
    for (int i = 0; i < n; i++) {
      c[i] /= sum;
    }
    c[n - 1] = 1.0;
    return c;
  }

  private int pick(long key, long row) {
    return pick(cumulative, values.length, key, row);
  }

  /**
   * The index of the cell's value among {@code n}: uniform when {@code cumulative} is null, else
   * the first whose cumulative share exceeds the cell's unit draw. Shared by every generator that
   * picks one of a fixed list of values (choice, corpus).
   */
  static int pick(double[] cumulative, int n, long key, long row) {
    if (cumulative == null) {
      return (int) CellRandom.below(key, row, 0, n);
    }
    double u = CellRandom.unit(key, row, 0);
    int i = Arrays.binarySearch(cumulative, u);
    i = i < 0 ? -i - 1 : i + 1;
    return Math.min(i, n - 1);
  }

  @Override
  public ValueKind kind() {
    return kind;
  }

  @Override
  public long longAt(long key, long row) {
    return bits[pick(key, row)];
  }

  @Override
  public long uuidLowAt(long key, long row) {
    return values[pick(key, row)].lowBits();
  }

  @Override
  public double doubleAt(long key, long row) {
    return values[pick(key, row)].real();
  }

  @Override
  public String stringAt(long key, long row) {
    return values[pick(key, row)].text();
  }

  @Override
  public Law law() {
    Map<String, Double> shares = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      double p =
          cumulative == null
              ? 1.0 / values.length
              : cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
      shares.merge(text(values[i]), p, Double::sum);
    }
    return new Law.Categorical(
        "choice of " + shares.size(),
        new ArrayList<>(shares.keySet()),
        new ArrayList<>(shares.values()));
  }

  /** A value as the text sinks write, so it can be matched against data read back. */
  private String text(Literal v) {
    return switch (kind) {
      case STRING -> v.text();
      case LONG -> Long.toString(v.bits());
      case DOUBLE -> Double.toString(v.real());
      case BOOL -> v.bits() != 0 ? "true" : "false";
      case TIMESTAMP -> ValueFormat.timestamp(v.bits());
      case DATE -> ValueFormat.date(v.bits());
      case UUID -> ValueFormat.uuid(v.bits(), v.lowBits());
    };
  }
}
