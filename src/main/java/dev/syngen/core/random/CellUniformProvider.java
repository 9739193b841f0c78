package dev.syngen.core.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Adapts one cell's counter-based draws to commons-rng, so library samplers (Zipf, gamma, …) can be
 * used without giving up per-cell purity. Position it at a cell, then let a sampler draw as many
 * numbers as it needs: draw 0, 1, 2, … of that cell. Confined to one thread.
 */
public final class CellUniformProvider implements UniformRandomProvider {
  private long key;
  private long row;
  private int draw;

  public CellUniformProvider at(long key, long row) {
    this.key = key;
    this.row = row;
    this.draw = 0;
    return this;
  }

  @Override
  public long nextLong() {
    return CellRandom.bits(key, row, draw++);
  }
}
