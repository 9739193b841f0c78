package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Distributed;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.random.Law;
import dev.syngen.core.scenario.ValueKind;
import java.util.List;

/** True with probability p. */
public final class BoolGen implements Generator, Distributed {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "bool",
          "true with probability p; params: p (default 0.5)",
          ctx -> {
            Params p = ctx.params();
            double prob = p.number("p", "0.3", 0.5);
            if (!(prob >= 0 && prob <= 1)) {
              p.problem("p", "must be between 0 and 1, got " + prob, "use e.g. p: 0.3");
              return null;
            }
            return new BoolGen(prob);
          });

  private final double p;

  BoolGen(double p) {
    this.p = p;
  }

  @Override
  public ValueKind kind() {
    return ValueKind.BOOL;
  }

  @Override
  public long longAt(long key, long row) {
    return CellRandom.unit(key, row, 0) < p ? 1 : 0;
  }

  @Override
  public Law law() {
    return new Law.Categorical(
        "bool(p=" + Checks.num(p) + ")", List.of("true", "false"), List.of(p, 1 - p));
  }
}
