package dev.syngen.core.fidelity;

import java.util.Arrays;

/** A growable list of longs that can be sorted and searched: hashed keys without boxing. */
final class LongList {
  private long[] values = new long[1024];
  private int size;

  void add(long v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[size++] = v;
  }

  int size() {
    return size;
  }

  long get(int i) {
    return values[i];
  }

  /** Sorts in place; afterwards {@link #contains} works. */
  LongList sorted() {
    Arrays.sort(values, 0, size);
    return this;
  }

  boolean contains(long v) {
    return Arrays.binarySearch(values, 0, size, v) >= 0;
  }

  /** The number of values equal to the value before them (after sorting). */
  long repeats() {
    long n = 0;
    for (int i = 1; i < size; i++) {
      n += values[i] == values[i - 1] ? 1 : 0;
    }
    return n;
  }
}
