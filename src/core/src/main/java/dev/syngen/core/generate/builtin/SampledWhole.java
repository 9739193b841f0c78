package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Distributed;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.random.CellSampler;
import dev.syngen.core.random.Law;
import dev.syngen.core.scenario.ValueKind;

/** Whole numbers drawn per cell by a commons-rng sampler, following a declared law. */
abstract class SampledWhole implements Generator, Distributed {
  private final CellSampler sampler;
  private final Law law;

  SampledWhole(CellSampler sampler, Law law) {
    this.sampler = sampler;
    this.law = law;
  }

  @Override
  public final ValueKind kind() {
    return ValueKind.LONG;
  }

  @Override
  public final long longAt(long key, long row) {
    return sampler.whole(key, row);
  }

  @Override
  public final Law law() {
    return law;
  }
}
