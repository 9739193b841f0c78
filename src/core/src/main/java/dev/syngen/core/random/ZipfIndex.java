package dev.syngen.core.random;

import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * Zipf-distributed indexes in [0, n): index 0 is the most frequent, with exponent {@code s}. Uses
 * commons-rng's rejection-inversion sampler over one cell's draws; thread-safe via thread-confined
 * sampler state.
 */
public final class ZipfIndex {
  private final ThreadLocal<State> state;

  private record State(CellUniformProvider rng, SharedStateDiscreteSampler sampler) {}

  public ZipfIndex(long n, double s) {
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("Zipf over more than 2^31-1 items is not supported");
    }
    this.state =
        ThreadLocal.withInitial(
            () -> {
              CellUniformProvider rng = new CellUniformProvider();
              return new State(rng, RejectionInversionZipfSampler.of(rng, (int) n, s));
            });
  }

  public long at(long key, long row) {
    State st = state.get();
    st.rng().at(key, row);
    return st.sampler().sample() - 1L;
  }
}
