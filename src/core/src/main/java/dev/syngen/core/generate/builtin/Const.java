package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Distributed;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.Law;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.ValueKind;
import org.apache.commons.math3.distribution.UniformIntegerDistribution;

/** The same value in every row, converted to the column's type once. */
public final class Const implements Generator, Distributed {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "const",
          "the same value in every row; params: value (of the column's type)",
          ctx -> {
            Params p = ctx.params();
            Object raw = p.raw("value");
            ColumnType type = ctx.columnType();
            Literal v = Literal.parse(raw, type);
            if (v == null) {
              p.problem(
                  "value",
                  raw == null ? "is missing" : "'" + raw + "' is not " + Literal.expected(type),
                  "set value to " + Literal.expected(type));
              return null;
            }
            return new Const(type.kind(), v);
          });

  private final ValueKind kind;
  private final Literal value;

  Const(ValueKind kind, Literal value) {
    this.kind = kind;
    this.value = value;
  }

  @Override
  public ValueKind kind() {
    return kind;
  }

  @Override
  public long longAt(long key, long row) {
    return value.bits();
  }

  @Override
  public long uuidLowAt(long key, long row) {
    return value.lowBits();
  }

  @Override
  public double doubleAt(long key, long row) {
    return value.real();
  }

  @Override
  public String stringAt(long key, long row) {
    return value.text();
  }

  /** A 32-bit whole number is a (one-point) law, so a constant count per parent is checked too. */
  @Override
  public Law law() {
    long v = value.bits();
    if (kind != ValueKind.LONG || v != (int) v) {
      return null;
    }
    return new Law.Discrete("always " + v, new UniformIntegerDistribution(null, (int) v, (int) v));
  }
}
