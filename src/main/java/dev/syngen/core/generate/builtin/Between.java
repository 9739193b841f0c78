package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Distributed;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.random.Law;
import dev.syngen.core.scenario.ValueKind;
import org.apache.commons.math3.distribution.UniformIntegerDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;

/** Uniform timestamps or dates between start and end (both relative or ISO-8601). */
public final class Between implements Generator, Distributed {
  public static final GeneratorFactory TIMESTAMP =
      GeneratorFactory.of(
          "timestamp_between",
          "uniform instant in [start, end]; params: start, end (\"-30d\", ISO-8601)",
          ctx -> create(ctx.params(), ctx.asOf(), ValueKind.TIMESTAMP));
  public static final GeneratorFactory DATE =
      GeneratorFactory.of(
          "date_between",
          "uniform date in [start, end]; params: start, end (\"-365d\", 2026-01-01)",
          ctx -> create(ctx.params(), ctx.asOf(), ValueKind.DATE));

  private final ValueKind kind;
  private final long start;
  private final long span;

  private Between(ValueKind kind, long start, long end) {
    this.kind = kind;
    this.start = start;
    this.span = end - start + 1;
  }

  private static Generator create(Params p, java.time.Instant asOf, ValueKind kind) {
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
    return start + CellRandom.below(key, row, 0, span);
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
