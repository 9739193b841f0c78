package dev.syngen.core.fidelity;

import java.util.Arrays;

/** An open-addressing map from long keys to long values, for per-parent counts and last values. */
final class LongMap {
  private long[] keys = new long[1024];
  private long[] values = new long[1024];
  private boolean[] used = new boolean[1024];
  private int size;

  private int slot(long key) {
    int mask = keys.length - 1;
    int i = (int) (key ^ (key >>> 32)) * 0x9E3779B9 & mask;
    while (used[i] && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  boolean has(long key) {
    return used[slot(key)];
  }

  long get(long key) {
    return values[slot(key)];
  }

  void put(long key, long value) {
    int i = slot(key);
    if (!used[i]) {
      used[i] = true;
      keys[i] = key;
      if (++size * 2 > keys.length) {
        values[i] = value;
        grow();
        return;
      }
    }
    values[i] = value;
  }

  void increment(long key) {
    int i = slot(key);
    put(key, used[i] ? values[i] + 1 : 1);
  }

  int size() {
    return size;
  }

  /** The values, in no particular order. */
  long[] values() {
    long[] out = new long[size];
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (used[i]) {
        out[n++] = values[i];
      }
    }
    return out;
  }

  private void grow() {
    long[] k = keys;
    long[] v = values;
    boolean[] u = used;
    keys = new long[k.length * 2];
    values = new long[k.length * 2];
    used = new boolean[k.length * 2];
    size = 0;
    for (int i = 0; i < k.length; i++) {
      if (u[i]) {
        int j = slot(k[i]);
        used[j] = true;
        keys[j] = k[i];
        values[j] = v[i];
        size++;
      }
    }
    Arrays.fill(u, false);
  }
}
