package dev.syngen.core.lifecycle;

import java.util.ArrayList;
import java.util.List;

/**
 * How many events a run will write per state of a lifecycle: the events that enter each state, over
 * all instances. Counted from the instances' own histories (the same ones the run writes): exact
 * when every instance is counted, else an estimate from an evenly spaced sample of instance rows,
 * scaled to the instance count.
 *
 * @param entity the entity that declares the lifecycle
 * @param instances the entity's rows in the plan
 * @param counted how many instances were counted ({@code == instances}: exact)
 * @param states per state, in declaration order
 */
public record ExpectedEvents(String entity, long instances, long counted, List<State> states) {
  /**
   * The instances a page or a plan counts at most, so that showing it stays well under a second.
   */
  public static final int DEFAULT_SAMPLE = 20_000;

  /**
   * Events entering one state; {@code current}: instances whose last event is this state (where
   * they are at the end).
   */
  public record State(String name, boolean terminal, long events, long current) {}

  public ExpectedEvents {
    states = List.copyOf(states);
  }

  public boolean exact() {
    return counted == instances;
  }

  public long totalEvents() {
    return states.stream().mapToLong(State::events).sum();
  }

  /** Counts the events of {@code instances} instances, at most {@code sample} of them. */
  public static ExpectedEvents of(CompiledLifecycle lc, long instances, int sample) {
    if (sample < 1) {
      throw new IllegalArgumentException("sample must be at least 1, not " + sample);
    }
    int n = lc.stateCount();
    long[] entered = new long[n];
    long[] current = new long[n];
    long step = Math.max(1, (instances + sample - 1) / sample);
    History h = lc.newHistory();
    long counted = 0;
    for (long row = 0; row < instances; row += step) {
      lc.history(row, h);
      for (int k = 0; k < h.size(); k++) {
        entered[h.state(k)]++;
      }
      current[h.state(h.size() - 1)]++;
      counted++;
    }
    double scale = counted == 0 ? 0 : (double) instances / counted;
    List<State> states = new ArrayList<>(n);
    for (int s = 0; s < n; s++) {
      states.add(
          new State(
              lc.stateName(s),
              lc.terminal(s),
              Math.round(entered[s] * scale),
              Math.round(current[s] * scale)));
    }
    return new ExpectedEvents(lc.entity(), instances, counted, states);
  }
}
