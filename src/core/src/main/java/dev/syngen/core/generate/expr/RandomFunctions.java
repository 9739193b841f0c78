package dev.syngen.core.generate.expr;

import dev.syngen.core.random.CellRandom;
import dev.syngen.core.random.CellSampler;
import java.util.List;
import org.apache.commons.rng.sampling.distribution.AhrensDieterExponentialSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Random functions of an expression ({@code uniform}, {@code normal}, {@code lognormal}, {@code
 * exponential}, {@code chance}) for distributions that depend on the row, e.g. {@code if(kind ==
 * 'inpatient', lognormal(4, 0.6), lognormal(0.5, 0.4))}. Each call site draws from its own stream
 * derived from the column's key, so values stay a pure function of the row; deviates come from
 * commons-rng samplers.
 */
final class RandomFunctions {
  private static final long SITE = 0x9E3779B97F4A7C15L;
  private final CellSampler gaussian =
      CellSampler.continuous(ZigguratSampler.NormalizedGaussian::of);
  private final CellSampler exponential =
      CellSampler.continuous(rng -> AhrensDieterExponentialSampler.of(rng, 1));
  private final long key;
  private int sites;

  RandomFunctions(long key) {
    this.key = key;
  }

  static boolean handles(String f) {
    return switch (f) {
      case "uniform", "normal", "lognormal", "exponential", "chance" -> true;
      default -> false;
    };
  }

  Node call(Ast.Call c, String f, List<Node> args) {
    int want = f.equals("exponential") || f.equals("chance") ? 1 : 2;
    if (args.size() != want) {
      throw new ExpressionException(
          c.position(), f + "() takes " + want + " arguments, got " + args.size());
    }
    for (int i = 0; i < args.size(); i++) {
      if (!args.get(i).type().numeric()) {
        throw new ExpressionException(
            c.args().get(i).position(),
            f + "() needs numbers, not a " + args.get(i).type().label());
      }
    }
    long site = CellRandom.mix(key + (++sites) * SITE);
    Node a = args.get(0);
    Node b = args.size() > 1 ? args.get(1) : a;
    boolean nullable = a.nullable() || b.nullable();
    if (f.equals("chance")) {
      return new Node(Type.BOOL, nullable) {
        @Override
        public long longAt(long row) {
          return CellRandom.unit(site, row, 0) < a.doubleAt(row) ? 1 : 0;
        }

        @Override
        public boolean nullAt(long row) {
          return a.nullAt(row);
        }
      };
    }
    return new Node(Type.DOUBLE, nullable) {
      @Override
      public double doubleAt(long row) {
        return switch (f) {
          case "uniform" ->
              a.doubleAt(row) + (b.doubleAt(row) - a.doubleAt(row)) * CellRandom.unit(site, row, 0);
          case "normal" -> a.doubleAt(row) + b.doubleAt(row) * gaussian.real(site, row);
          case "lognormal" ->
              Math.exp(a.doubleAt(row) + b.doubleAt(row) * gaussian.real(site, row));
          default -> a.doubleAt(row) * exponential.real(site, row);
        };
      }

      @Override
      public boolean nullAt(long row) {
        return Ops.anyNull(a, b, row);
      }
    };
  }
}
