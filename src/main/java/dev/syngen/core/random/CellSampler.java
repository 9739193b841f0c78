package dev.syngen.core.random;

import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;

/**
 * A commons-rng sampler that draws from one cell's counter-based stream: {@code at(key, row)}
 * positions a thread-confined {@link CellUniformProvider} at the cell and samples once, so a
 * rejection sampler may use as many draws as it likes and the value is still a pure function of
 * (key, row). Samplers must keep no state between samples (no cached second deviate).
 */
public final class CellSampler {
  private final ThreadLocal<State> state;

  private record State(CellUniformProvider rng, ContinuousSampler real, DiscreteSampler whole) {}

  private CellSampler(ThreadLocal<State> state) {
    this.state = state;
  }

  /** Real-valued samples from the sampler {@code make} builds over a cell's draws. */
  public static CellSampler continuous(Function<UniformRandomProvider, ContinuousSampler> make) {
    make.apply(new CellUniformProvider()); // fail at bind time, not on a worker thread
    return new CellSampler(
        ThreadLocal.withInitial(
            () -> {
              CellUniformProvider rng = new CellUniformProvider();
              return new State(rng, make.apply(rng), null);
            }));
  }

  /** Whole-number samples from the sampler {@code make} builds over a cell's draws. */
  public static CellSampler discrete(Function<UniformRandomProvider, DiscreteSampler> make) {
    make.apply(new CellUniformProvider());
    return new CellSampler(
        ThreadLocal.withInitial(
            () -> {
              CellUniformProvider rng = new CellUniformProvider();
              return new State(rng, null, make.apply(rng));
            }));
  }

  public double real(long key, long row) {
    State s = state.get();
    s.rng().at(key, row);
    return s.real().sample();
  }

  public long whole(long key, long row) {
    State s = state.get();
    s.rng().at(key, row);
    return s.whole().sample();
  }
}
