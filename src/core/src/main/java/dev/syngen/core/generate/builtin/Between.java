package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Distributed;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.generate.Unique;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.random.IndexPermutation;
import dev.syngen.core.random.Law;
import dev.syngen.core.scenario.ValueKind;
import org.apache.commons.math3.distribution.UniformIntegerDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;

/**
 * Uniform timestamps or dates between start and end (both relative or ISO-8601). A column declared
 * {@code unique: true} gets a keyed permutation of the instants (or days) of the range instead.
 */
public final class Between implements Generator, Distributed, Unique {
  public static final GeneratorFactory TIMESTAMP =
      GeneratorFactory.of(
          "timestamp_between",
          "uniform instant in [start, end]; params: start, end (\"-30d\", ISO-8601)",
          ctx -> distinct(ctx, create(ctx.params(), ctx.asOf(), ValueKind.TIMESTAMP)));
  public static final GeneratorFactory DATE =
      GeneratorFactory.of(
          "date_between",
          "uniform date in [start, end]; params: start, end (\"-365d\", 2026-01-01)",
          ctx -> distinct(ctx, create(ctx.params(), ctx.asOf(), ValueKind.DATE)));

  private final ValueKind kind;
  private final long start;
  private final long span;

  private final IndexPermutation permutation; // null: independent draws

  private Between(ValueKind kind, long start, long span, IndexPermutation permutation) {
    this.kind = kind;
    this.start = start;
    this.span = span;
    this.permutation = permutation;
  }

  private Between(ValueKind kind, long start, long end) {
    this(kind, start, end - start + 1, null);
  }

  private static Generator distinct(dev.syngen.core.generate.GeneratorContext ctx, Between b) {
    if (b == null || !ctx.unique()) {
      return b;
    }
    if (b.span < ctx.rows()) {
      ctx.params()
          .problem(
              "end",
              "unique values need "
                  + ctx.rows()
                  + " distinct "
                  + (b.kind == ValueKind.DATE ? "days" : "milliseconds")
                  + " but the range has "
                  + b.span,
              "widen [start, end]");
      return null;
    }
    return new Between(b.kind, b.start, b.span, new IndexPermutation(b.span, ctx.key()));
  }

  private static Between create(Params p, java.time.Instant asOf, ValueKind kind) {
    Long start = TimeSpec.instantMillis(p, "start", asOf, "\"-30d\"");
    Long end = TimeSpec.instantMillis(p, "end", asOf, "\"0d\"");
    if (start == null || end == null) {
      return null;
    }
    if (start > end) {
      p.problem("end", "is before start", "make end later than start");
      return null;
    }
    if (kind == ValueKind.DATE) {
      return new Between(kind, Math.floorDiv(start, 86_400_000L), Math.floorDiv(end, 86_400_000L));
    }
    return new Between(kind, start, end);
  }

  @Override
  public ValueKind kind() {
    return kind;
  }

  @Override
  public long longAt(long key, long row) {
    if (permutation != null) {
      return start + permutation.at(row);
    }
    return start + CellRandom.below(key, row, 0, span);
  }

  @Override
  public boolean distinct() {
    return permutation != null;
  }

  @Override
  public Law law() {
    long end = start + span - 1;
    if (kind == ValueKind.DATE) {
      return new Law.Discrete(
          "uniform dates", new UniformIntegerDistribution(null, (int) start, (int) end));
    }
    return new Law.Continuous(
        "uniform instants", new UniformRealDistribution(null, start, start + (double) span));
  }
}
