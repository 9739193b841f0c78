package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.random.SeriesCursor;
import dev.syngen.core.scenario.ValueKind;
import java.util.Locale;

/**
 * Prices whose log returns follow GARCH(1,1): {@code r(i) = mu + s(i)·z(i)} with {@code s(i)² =
 * omega + alpha·(r(i-1) - mu)² + beta·s(i-1)²}, started at the long-run variance {@code omega / (1
 * - alpha - beta)}, so calm and volatile stretches cluster as in real markets. One series per
 * parent (an instrument) or per entity; {@code output} picks price, return or volatility.
 */
public final class Garch implements Generator {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "garch",
          "GARCH(1,1) price series; params: start (> 0), omega (> 0), alpha, beta (alpha + beta"
              + " < 1), mu, output (price | return | volatility), series (parent | entity)",
          Garch::create);

  private final SeriesScope scope;
  private final SeriesCursor cursor;

  private Garch(SeriesScope scope, Recursion recursion) {
    this.scope = scope;
    this.cursor = new SeriesCursor(recursion);
  }

  private static Generator create(GeneratorContext ctx) {
    Params p = ctx.params();
    Double start = p.number("start", "100");
    Double omega = p.number("omega", "0.000002");
    double alpha = p.number("alpha", "0.08", 0.08);
    double beta = p.number("beta", "0.9", 0.9);
    double mu = p.number("mu", "0.0001", 0);
    String output = p.string("output", "price", "price").toLowerCase(Locale.ROOT);
    boolean ok =
        Checks.positive(p, "start", start, "100")
            & Checks.positive(p, "omega", omega, "0.000002")
            & Checks.finite(p, "mu", mu, "0.0001");
    if (!(alpha >= 0) || !(beta >= 0) || !(alpha + beta < 1)) {
      p.problem(
          "beta",
          "needs alpha >= 0, beta >= 0 and alpha + beta < 1 (got " + alpha + " + " + beta + ")",
          "use e.g. alpha: 0.08, beta: 0.9");
      ok = false;
    }
    int out =
        switch (output) {
          case "price" -> 0;
          case "return" -> 1;
          case "volatility" -> 2;
          default -> -1;
        };
    if (out < 0) {
      p.problem("output", "unknown output '" + output + "'", "use price, return or volatility");
      ok = false;
    }
    SeriesScope scope = SeriesScope.of(ctx);
    if (!ok || scope == null) {
      return null;
    }
    return new Garch(scope, new Recursion(Math.log(start), omega, alpha, beta, mu, out));
  }

  /** State: log price, last return, current variance. */
  private record Recursion(
      double logStart, double omega, double alpha, double beta, double mu, int output)
      implements SeriesCursor.Recursion {
    @Override
    public int stateSize() {
      return 3;
    }

    @Override
    public void start(double[] s, long stream) {
      s[2] = omega / (1 - alpha - beta);
      s[0] = logStart;
      s[1] = mu + Math.sqrt(s[2]); // a typical shock, so the variance starts at its long-run level
    }

    @Override
    public void step(double[] s, long stream, long index) {
      double shock = s[1] - mu;
      double variance = omega + alpha * shock * shock + beta * s[2];
      double r = mu + Math.sqrt(variance) * CellRandom.gaussian(stream, index, 0);
      s[0] += r;
      s[1] = r;
      s[2] = variance;
    }

    @Override
    public double value(double[] s) {
      return switch (output) {
        case 0 -> Math.exp(s[0]);
        case 1 -> s[1];
        default -> Math.sqrt(s[2]);
      };
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
