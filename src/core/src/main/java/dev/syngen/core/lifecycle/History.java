package dev.syngen.core.lifecycle;

/**
 * One instance's events: event {@code k} enters state {@code state[k]} at {@code time[k]}; event 0
 * enters the initial state at the instance's start time. Thread-confined scratch state, refilled by
 * {@link CompiledLifecycle#history(long, History)}.
 */
public final class History {
  long row = -1;
  int size;
  int[] state;
  long[] time;
  boolean cut;
  int cursor; // the event a generator is reading, set just before it reads

  History(int capacity) {
    state = new int[capacity];
    time = new long[capacity];
  }

  public long row() {
    return row;
  }

  /** The number of events. */
  public int size() {
    return size;
  }

  public int state(int k) {
    return state[k];
  }

  public long time(int k) {
    return time[k];
  }

  /**
   * True when the history stopped before a terminal state ({@code until} or {@code max_events}).
   */
  public boolean cut() {
    return cut;
  }

  void add(int s, long t) {
    if (size == state.length) {
      state = java.util.Arrays.copyOf(state, size * 2);
      time = java.util.Arrays.copyOf(time, size * 2);
    }
    state[size] = s;
    time[size] = t;
    size++;
  }
}
