package dev.syngen.core.scenario;

import java.util.List;
import java.util.Map;

/**
 * The state machine an entity's instances live through: each instance (row) enters {@code initial}
 * at the time of its {@code start} column, stays in a state for a drawn dwell time, moves on by the
 * state's transition probabilities (the first branch whose condition holds for the instance) and
 * stops in a terminal state (one without transitions). {@code set} columns change as states are
 * entered. The events become derived entities ({@code outputs}); see docs/lifecycles.md.
 *
 * @param key the instance key column (the first column when not declared)
 * @param start a timestamp column of the instance: when it enters the initial state
 * @param dwellUnitMillis milliseconds per dwell unit (dwell generators draw numbers of units)
 * @param finalRow true when the entity's own rows show each instance's final state
 * @param until the instant after which no event happens (histories are cut there), or null
 * @param maxEvents the most events one instance may have (a history is cut there)
 * @param outputs the derived entities: any of {@code events}, {@code cdc}, {@code history}
 */
public record Lifecycle(
    String key,
    String start,
    String initial,
    long dwellUnitMillis,
    boolean finalRow,
    String until,
    int maxEvents,
    List<String> outputs,
    List<State> states) {
  public static final String EVENTS = "events";
  public static final String CDC = "cdc";
  public static final String HISTORY = "history";

  public Lifecycle {
    outputs = List.copyOf(outputs);
    states = List.copyOf(states);
  }

  public State state(String name) {
    return states.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
  }

  public int indexOf(String state) {
    for (int i = 0; i < states.size(); i++) {
      if (states.get(i).name().equals(state)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * One state. {@code dwell} (null for a terminal state) draws how many time units an instance
   * stays; {@code next} are the transition branches, tried in order; {@code set} maps columns of
   * the entity to the values they take when the state is entered (a literal, {@code event_time} or
   * a generator spec); {@code delete} marks a terminal state whose event deletes the row (CDC).
   * {@code shape} (null when absent) holds the activity curve the dwell is counted on: the
   * parameters {@code hourly}, {@code weekday}, {@code monthly} and {@code utc_offset_hours} of the
   * {@code poisson_process} generator.
   */
  public record State(
      String name,
      GeneratorSpec dwell,
      List<Branch> next,
      Map<String, Object> set,
      boolean delete,
      Map<String, Object> shape) {
    public State {
      next = List.copyOf(next);
      set = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(set));
      shape =
          shape == null
              ? null
              : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shape));
    }

    /** A state whose dwell runs on the clock (no shape). */
    public State(
        String name,
        GeneratorSpec dwell,
        List<Branch> next,
        Map<String, Object> set,
        boolean delete) {
      this(name, dwell, next, set, delete, null);
    }

    public boolean terminal() {
      return next.isEmpty();
    }
  }

  /**
   * Transition probabilities taken when {@code when} (an expression over the instance's columns)
   * holds, or always when {@code when} is null.
   */
  public record Branch(String when, Map<String, Double> to) {
    public Branch {
      to = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(to));
    }
  }
}
