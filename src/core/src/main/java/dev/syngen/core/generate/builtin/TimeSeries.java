package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.scenario.ValueKind;

/** start + row × step, plus or minus a uniform jitter: regular timestamps computed per row. */
public final class TimeSeries implements Generator {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "time_series",
          "start + row × step ± jitter; params: start (\"-7d\" or ISO), step (\"5s\"),"
              + " jitter_seconds",
          ctx -> {
            Params p = ctx.params();
            Long start = TimeSpec.instantMillis(p, "start", ctx.asOf(), "\"-7d\"");
            Long step = TimeSpec.stepMillis(p, "step", "\"5s\"");
            double jitter = p.number("jitter_seconds", "30", 0);
            if (!(jitter >= 0) || jitter > 3.15e9) {
              p.problem("jitter_seconds", "must be between 0 and 3.15e9", "use e.g. 30");
              return null;
            }
            if (start == null || step == null) {
              return null;
            }
            return new TimeSeries(start, step, Math.round(jitter * 1000));
          });

  private final long start;
  private final long step;
  private final long jitterMillis;

  TimeSeries(long start, long step, long jitterMillis) {
    this.start = start;
    this.step = step;
    this.jitterMillis = jitterMillis;
  }

  @Override
  public ValueKind kind() {
    return ValueKind.TIMESTAMP;
  }

  @Override
  public long longAt(long key, long row) {
    long t = start + row * step;
    if (jitterMillis > 0) {
      t += CellRandom.below(key, row, 0, 2 * jitterMillis + 1) - jitterMillis;
    }
    return t;
  }
}
