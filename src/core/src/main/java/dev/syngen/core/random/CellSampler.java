package dev.syngen.core.random;

import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

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

  /**
   * Samples from a library sampler whose tables are built once ({@code prototype}) and shared by
   * the per-thread copies that draw from a cell.
   */
  public static CellSampler shared(SharedStateDiscreteSampler prototype) {
    return new CellSampler(
        ThreadLocal.withInitial(
            () -> {
              CellUniformProvider rng = new CellUniformProvider();
              return new State(rng, null, prototype.withUniformRandomProvider(rng));
            }));
  }

  private State at(long key, long row) {
    State s = state.get();
    s.rng().at(key, row);
    return s;
  }

  public double real(long key, long row) {
    return at(key, row).real().sample();
  }

  /** The first sample of the cell that falls in [min, max] (rejection sampling). */
  public double inside(long key, long row, double min, double max) {
    State s = at(key, row);
    double x;
    do {
      x = s.real().sample();
    } while (x < min || x > max);
    return x;
  }

  public long whole(long key, long row) {
    return at(key, row).whole().sample();
  }
}
