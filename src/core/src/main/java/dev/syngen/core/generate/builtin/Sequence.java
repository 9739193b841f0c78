package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.generate.Unique;
import dev.syngen.core.scenario.ValueKind;

/** start, start + step, start + 2·step, … by row index: unique keys that need no randomness. */
public final class Sequence implements Generator, Unique {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "sequence",
          "start + row × step; params: start (default 1), step (default 1, not 0)",
          ctx -> {
            Params p = ctx.params();
            long start = p.whole("start", "1", 1);
            long step = p.whole("step", "1", 1);
            if (step == 0) {
              p.problem("step", "must not be 0", "use e.g. step: 1");
              return null;
            }
            return new Sequence(start, step);
          });

  private final long start;
  private final long step;

  Sequence(long start, long step) {
    this.start = start;
    this.step = step;
  }

  @Override
  public ValueKind kind() {
    return ValueKind.LONG;
  }

  @Override
  public long longAt(long key, long row) {
    return start + row * step;
  }

  @Override
  public boolean distinct() {
    return true;
  }

  public long last(long rows) {
    return start + (rows - 1) * step;
  }
}
