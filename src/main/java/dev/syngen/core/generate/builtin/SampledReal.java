package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Distributed;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.random.CellSampler;
import dev.syngen.core.random.Law;
import dev.syngen.core.scenario.ValueKind;

/** Real numbers drawn per cell by a commons-rng sampler, following a declared law. */
abstract class SampledReal implements Generator, Distributed {
  private final CellSampler sampler;
  private final Law law;

  SampledReal(CellSampler sampler, Law law) {
    this.sampler = sampler;
    this.law = law;
  }

  @Override
  public final ValueKind kind() {
    return ValueKind.DOUBLE;
  }

  @Override
  public final double doubleAt(long key, long row) {
    return sampler.real(key, row);
  }

  @Override
  public final Law law() {
    return law;
  }
}
