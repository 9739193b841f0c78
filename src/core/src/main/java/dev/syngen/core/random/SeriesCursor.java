package dev.syngen.core.random;

import java.util.Arrays;

/**
 * Evaluates a path-dependent series (a random walk, GARCH volatility, AR(1) noise) at any index
 * while keeping it a pure function of (series stream, index): the value is <em>defined</em> by a
 * recursion stepped from index 0, whose step {@code i} draws only from cell (stream, i).
 *
 * <p>A thread-confined cursor remembers the last (stream, index, state) computed and steps forward
 * from it, so filling a series in row order costs O(1) per index, whichever thread or batch split
 * computes it. A jump backwards, or to another series, restarts from index 0: random access costs
 * O(index), bounded by the series length.
 */
public final class SeriesCursor {
  /** One step of the recursion; {@code state} is scratch space of {@link #stateSize()} slots. */
  public interface Recursion {
    int stateSize();

    /** Sets the state at index 0 of the series with stream key {@code stream}. */
    void start(double[] state, long stream);

    /** Advances the state from {@code index - 1} to {@code index}. */
    void step(double[] state, long stream, long index);

    /** The series value held by the state. */
    double value(double[] state);
  }

  private final Recursion recursion;
  private final ThreadLocal<Cursor> cursors;

  private static final class Cursor {
    long stream;
    long index = -1;
    final double[] state;

    Cursor(int size) {
      state = new double[size];
    }
  }

  public SeriesCursor(Recursion recursion) {
    this.recursion = recursion;
    this.cursors = ThreadLocal.withInitial(() -> new Cursor(recursion.stateSize()));
  }

  /** The value at {@code index} of the series whose stream key is {@code stream}. */
  public double at(long stream, long index) {
    Cursor c = cursors.get();
    if (c.index < 0 || c.stream != stream || c.index > index) {
      Arrays.fill(c.state, 0);
      recursion.start(c.state, stream);
      c.stream = stream;
      c.index = 0;
    }
    while (c.index < index) {
      c.index++;
      recursion.step(c.state, stream, c.index);
    }
    return recursion.value(c.state);
  }

  /** The stream key of series {@code series} of the column with stream key {@code key}. */
  public static long stream(long key, long series) {
    return CellRandom.mix(key ^ CellRandom.mix(series + 0x632BE59BD9B4E019L));
  }
}
