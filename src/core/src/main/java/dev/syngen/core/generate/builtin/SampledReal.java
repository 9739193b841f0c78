package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Distributed;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellSampler;
import dev.syngen.core.random.Law;
import dev.syngen.core.random.RoundedLaw;
import dev.syngen.core.scenario.ValueKind;

/**
 * Real numbers drawn per cell by a commons-rng sampler, following a declared law. With {@code
 * round: true} the values are rounded to whole numbers (a message length, a share count) and the
 * declared law is the rounded one.
 */
abstract class SampledReal implements Generator, Distributed {
  private final CellSampler sampler;
  private final Law law;
  private final boolean round;

  SampledReal(CellSampler sampler, Law.Continuous law, boolean round) {
    this.sampler = sampler;
    this.round = round;
    this.law =
        round ? new Law.Discrete(law.name() + " rounded", new RoundedLaw(law.distribution())) : law;
  }

  /** Reads the optional {@code round} parameter. */
  static boolean rounded(Params p) {
    Object v = p.raw("round");
    if (v == null || v instanceof Boolean) {
      return Boolean.TRUE.equals(v);
    }
    p.problem("round", "must be true or false, got '" + v + "'", "write round: true");
    return false;
  }

  @Override
  public final ValueKind kind() {
    return round ? ValueKind.LONG : ValueKind.DOUBLE;
  }

  @Override
  public final double doubleAt(long key, long row) {
    return sampler.real(key, row);
  }

  @Override
  public final long longAt(long key, long row) {
    return Math.round(sampler.real(key, row));
  }

  @Override
  public final Law law() {
    return law;
  }
}
