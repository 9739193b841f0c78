package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.random.SeriesCursor;
import dev.syngen.core.scenario.ValueKind;

/**
 * Random walks, {@code x(i) = x(i-1) + drift + step_std · z(i)}, and geometric Brownian motion,
 * {@code S(i) = S(i-1) · exp(mu - sigma²/2 + sigma · z(i))}, one series per parent (or per entity).
 * See {@link SeriesCursor} for how a path stays a pure function of (series, index).
 */
public final class RandomWalk implements Generator {
  public static final GeneratorFactory WALK =
      GeneratorFactory.of(
          "random_walk",
          "x(i) = x(i-1) + drift + step_std·z; params: start (default 0), step_std (> 0), drift,"
              + " series (parent | entity)",
          RandomWalk::walk);
  public static final GeneratorFactory GBM =
      GeneratorFactory.of(
          "gbm",
          "geometric Brownian motion prices; params: start (> 0), mu (drift per step), sigma"
              + " (volatility per step, > 0), series (parent | entity)",
          RandomWalk::gbm);

  private final SeriesScope scope;
  private final SeriesCursor cursor;

  private RandomWalk(SeriesScope scope, SeriesCursor.Recursion recursion) {
    this.scope = scope;
    this.cursor = new SeriesCursor(recursion);
  }

  private static Generator walk(GeneratorContext ctx) {
    Params p = ctx.params();
    double start = p.number("start", "100", 0);
    double drift = p.number("drift", "0.01", 0);
    Double std = p.number("step_std", "1.5");
    boolean ok =
        Checks.positive(p, "step_std", std, "1.5")
            & Checks.finite(p, "start", start, "100")
            & Checks.finite(p, "drift", drift, "0.01");
    SeriesScope scope = SeriesScope.of(ctx);
    if (!ok || scope == null) {
      return null;
    }
    return new RandomWalk(scope, new Additive(start, drift, std, false));
  }

  private static Generator gbm(GeneratorContext ctx) {
    Params p = ctx.params();
    Double start = p.number("start", "100");
    double mu = p.number("mu", "0.0002", 0);
    Double sigma = p.number("sigma", "0.01");
    boolean ok =
        Checks.positive(p, "start", start, "100")
            & Checks.positive(p, "sigma", sigma, "0.01")
            & Checks.finite(p, "mu", mu, "0.0002");
    SeriesScope scope = SeriesScope.of(ctx);
    if (!ok || scope == null) {
      return null;
    }
    return new RandomWalk(
        scope, new Additive(Math.log(start), mu - sigma * sigma / 2, sigma, true));
  }

  /** x(i) = x(i-1) + drift + std·z(i), reported as x or exp(x). */
  private record Additive(double start, double drift, double std, boolean exponential)
      implements SeriesCursor.Recursion {
    @Override
    public int stateSize() {
      return 1;
    }

    @Override
    public void start(double[] state, long stream) {
      state[0] = start;
    }

    @Override
    public void step(double[] state, long stream, long index) {
      state[0] += drift + std * CellRandom.gaussian(stream, index, 0);
    }

    @Override
    public double value(double[] state) {
      return exponential ? Math.exp(state[0]) : state[0];
    }
  }

  @Override
  public ValueKind kind() {
    return ValueKind.DOUBLE;
  }

  @Override
  public double doubleAt(long key, long row) {
    return scope.at(cursor, key, row);
  }
}
