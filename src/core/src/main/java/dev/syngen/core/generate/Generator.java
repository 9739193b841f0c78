package dev.syngen.core.generate;

import dev.syngen.core.scenario.ValueKind;

/**
 * Computes one column's value for any row, as a pure function of the column's stream key and the
 * row index. A generator produces values of one {@link ValueKind} and implements the matching
 * accessor: {@code longAt} for LONG, BOOL (0/1), TIMESTAMP (epoch ms), DATE (epoch day) and the
 * high half of a UUID (with {@code uuidLowAt} for the low half); {@code doubleAt} for DOUBLE;
 * {@code stringAt} for STRING.
 *
 * <p>Instances are bound once when a plan is compiled and shared by all worker threads, so they
 * must be immutable (or use thread-confined scratch state).
 */
public interface Generator {
  ValueKind kind();

  default long longAt(long key, long row) {
    throw new IllegalStateException(getClass().getSimpleName() + " does not produce " + kind());
  }

  default long uuidLowAt(long key, long row) {
    throw new IllegalStateException(getClass().getSimpleName() + " does not produce UUIDs");
  }

  default double doubleAt(long key, long row) {
    throw new IllegalStateException(getClass().getSimpleName() + " does not produce doubles");
  }

  /**
   * True when no text value of this generator can contain a comma, a double quote or a line break,
   * so a CSV writer need not look for them (decided once per column, not per cell).
   */
  default boolean plainText() {
    return false;
  }

  default String stringAt(long key, long row) {
    throw new IllegalStateException(getClass().getSimpleName() + " does not produce strings");
  }

  /**
   * Fills {@code out[0, n)} with the values of rows {@code first} to {@code first + n - 1}: a
   * column's loop. A generator may override it with a faster loop of its own, which must give
   * exactly {@code longAt}'s values. (Copies of this same loop in the common generators, so each
   * had a call site of one receiver, were measured and gave nothing: docs/benchmarks.md.)
   */
  default void fillLongs(long key, long first, int n, long[] out) {
    for (int i = 0; i < n; i++) {
      out[i] = longAt(key, first + i);
    }
  }

  /** {@link #fillLongs} for {@code doubleAt}. */
  default void fillDoubles(long key, long first, int n, double[] out) {
    for (int i = 0; i < n; i++) {
      out[i] = doubleAt(key, first + i);
    }
  }

  /** {@link #fillLongs} for {@code stringAt}. */
  default void fillStrings(long key, long first, int n, String[] out) {
    for (int i = 0; i < n; i++) {
      out[i] = stringAt(key, first + i);
    }
  }

  /** True when this generator decides by itself that some cells are NULL (see {@link #nullAt}). */
  default boolean producesNulls() {
    return false;
  }

  /** True when the cell is NULL by the generator's own logic; only asked if it produces nulls. */
  default boolean nullAt(long key, long row) {
    return false;
  }
}
