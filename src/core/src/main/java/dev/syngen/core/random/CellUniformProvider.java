package dev.syngen.core.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Adapts one cell's counter-based draws to commons-rng, so library samplers (Zipf, gamma, …) can be
 * used without giving up per-cell purity. Position it at a cell, then let a sampler draw as many
 * numbers as it needs: draw 0, 1, 2, … of that cell, exactly {@link CellRandom#bits}, with the
 * cell's half of the mixing done once. Confined to one thread.
 */
public final class CellUniformProvider implements UniformRandomProvider {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final long DRAW_STEP = 0xD1B54A32D192ED03L;
  private long cell;
  private long next;

  public CellUniformProvider at(long key, long row) {
    this.cell = CellRandom.mix(key + row * GOLDEN);
    this.next = cell;
    return this;
  }

  @Override
  public long nextLong() {
    long z = next;
    next += DRAW_STEP;
    return CellRandom.mix(z);
  }
}
