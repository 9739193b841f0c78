package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Distributed;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
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
 * Whole numbers uniform in [min, max], both inclusive. A column declared {@code unique: true} gets
 * {@code min + π(row)} for a keyed bijection π of the range, so no value repeats.
 */
public final class UniformInt implements Generator, Distributed, Unique {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "uniform_int",
          "whole number uniform in [min, max] inclusive; params: min, max",
          ctx -> {
            Params p = ctx.params();
            Long min = p.whole("min", "1");
            Long max = p.whole("max", "100");
            if (min == null || max == null) {
              return null;
            }
            if (min > max) {
              p.problem("max", "is less than min (" + max + " < " + min + ")", "make max >= min");
              return null;
            }
            if (max - min < 0 || max - min == Long.MAX_VALUE) {
              p.problem("max", "range max - min is too large", "narrow the range");
              return null;
            }
            return create(ctx, min, max);
          });

  private static Generator create(GeneratorContext ctx, long min, long max) {
    if (!ctx.unique()) {
      return new UniformInt(min, max, null);
    }
    long span = max - min + 1;
    if (span < ctx.rows()) {
      ctx.params()
          .problem(
              "max",
              "unique values need at least "
                  + ctx.rows()
                  + " distinct values but [min, max] has "
                  + span,
              "widen the range to max >= " + (min + ctx.rows() - 1));
      return null;
    }
    return new UniformInt(min, max, new IndexPermutation(span, ctx.key()));
  }

  private final long min;
  private final long span;

  private final IndexPermutation permutation; // null: independent draws

  UniformInt(long min, long max, IndexPermutation permutation) {
    this.min = min;
    this.span = max - min + 1;
    this.permutation = permutation;
  }

  @Override
  public ValueKind kind() {
    return ValueKind.LONG;
  }

  @Override
  public long longAt(long key, long row) {
    if (permutation != null) {
      return min + permutation.at(row);
    }
    return min + CellRandom.below(key, row, 0, span);
  }

  @Override
  public boolean distinct() {
    return permutation != null;
  }

  public long min() {
    return min;
  }

  public long max() {
    return min + span - 1;
  }

  @Override
  public Law law() {
    String name = "uniform_int(" + min + ", " + max() + ")";
    if (min >= Integer.MIN_VALUE && max() <= Integer.MAX_VALUE) {
      return new Law.Discrete(name, new UniformIntegerDistribution(null, (int) min, (int) max()));
    }
    // beyond 32 bits the lattice is too fine to matter: compare with the continuous uniform
    return new Law.Continuous(name, new UniformRealDistribution(null, min, min + (double) span));
  }
}
