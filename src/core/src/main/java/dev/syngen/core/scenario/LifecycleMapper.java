package dev.syngen.core.scenario;

import dev.syngen.core.problem.Problems;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps an entity's {@code lifecycle:} section and checks the state machine's structure: known
 * states, probabilities that sum to 1, a default branch last, every state reachable from the
 * initial one, and a terminal state reachable from every state. All problems are reported at once.
 */
final class LifecycleMapper {
  static final String EXAMPLE =
      "lifecycle: {start: created_at, initial: created, states: {created: {dwell: {type:"
          + " exponential, params: {mean: 2}}, next: {done: 1.0}}, done: {}}}";
  private static final Set<String> KEYS =
      Set.of(
          "key",
          "start",
          "initial",
          "dwell_unit",
          "base_row",
          "until",
          "max_events",
          "outputs",
          "states");
  private static final Set<String> STATE_KEYS = Set.of("dwell", "next", "set", "delete", "shape");
  private static final Set<String> BRANCH_KEYS = Set.of("when", "to");
  private static final Map<String, Long> UNITS =
      Map.of(
          "milliseconds", 1L,
          "seconds", 1_000L,
          "minutes", 60_000L,
          "hours", 3_600_000L,
          "days", 86_400_000L);
  private static final double SUM_TOLERANCE = 1e-6;
  static final int MAX_EVENTS_LIMIT = 10_000;

  private final SectionReader in;

  LifecycleMapper(Problems problems) {
    this.in = new SectionReader(problems);
  }

  /** Maps the section of an entity with {@code columns}; null when it cannot be used. */
  Lifecycle map(Object node, String path, List<Column> columns) {
    Map<String, Object> m = in.map(node, path, "write " + EXAMPLE);
    if (m == null) {
      return null;
    }
    in.keys(m, KEYS, path);
    String key =
        m.get("key") == null
            ? (columns.isEmpty() ? null : columns.get(0).name())
            : column(m.get("key"), path + ".key", columns, null);
    String start = column(m.get("start"), path + ".start", columns, ColumnType.TIMESTAMP);
    long unit = unit(m.get("dwell_unit"), path + ".dwell_unit");
    boolean finalRow = baseRow(m.get("base_row"), path + ".base_row");
    String until = m.get("until") == null ? null : in.text(m.get("until"), path + ".until", "0d");
    int maxEvents = maxEvents(m.get("max_events"), path + ".max_events");
    List<String> outputs = outputs(m.get("outputs"), path + ".outputs");
    List<Lifecycle.State> states = states(m.get("states"), path + ".states", columns, key, start);
    String initial = in.text(m.get("initial"), path + ".initial", "created");
    if (states == null || initial == null) {
      return null;
    }
    Lifecycle lc =
        new Lifecycle(key, start, initial, unit, finalRow, until, maxEvents, outputs, states);
    if (!checkStructure(lc, path)) {
      return null;
    }
    return key == null || start == null || outputs == null || unit <= 0 ? null : lc;
  }

  private String column(Object v, String path, List<Column> columns, ColumnType type) {
    String name = in.text(v, path, "created_at");
    if (name == null) {
      return null;
    }
    Column c = columns.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
    if (c == null) {
      in.problem(
          path,
          "the entity has no column '" + name + "'",
          "use one of: " + String.join(", ", columns.stream().map(Column::name).toList()));
      return null;
    }
    if (type != null
        && c.type() != type
        && !(type == ColumnType.TIMESTAMP && c.type() == ColumnType.DATE)) {
      in.problem(
          path,
          "column '" + name + "' is " + c.type().yamlName() + ", not " + type.yamlName(),
          "name a timestamp (or date) column of the entity");
      return null;
    }
    return name;
  }

  private long unit(Object v, String path) {
    if (v == null) {
      return UNITS.get("hours");
    }
    String s = String.valueOf(v).trim().toLowerCase(Locale.ROOT);
    Long u = UNITS.get(s.endsWith("s") ? s : s + "s");
    if (u == null) {
      in.problem(
          path,
          "unknown unit '" + v + "'",
          "use one of: milliseconds, seconds, minutes, hours, days");
      return -1;
    }
    return u;
  }

  private boolean baseRow(Object v, String path) {
    if (v == null || "final".equals(v)) {
      return true;
    }
    if (!"initial".equals(v)) {
      in.problem(path, "must be final or initial, got '" + v + "'", "write base_row: final");
    }
    return false;
  }

  private int maxEvents(Object v, String path) {
    if (v == null) {
      return 1000;
    }
    Double d = in.number(v, path, "100");
    if (d == null || d != Math.rint(d) || d < 1 || d > MAX_EVENTS_LIMIT) {
      if (d != null) {
        in.problem(
            path,
            "must be a whole number from 1 to " + MAX_EVENTS_LIMIT + ", got " + v,
            "use e.g. 100");
      }
      return 1000;
    }
    return d.intValue();
  }

  private List<String> outputs(Object v, String path) {
    if (v == null) {
      return List.of(Lifecycle.EVENTS);
    }
    List<?> l = in.list(v, path, "write outputs: [events, cdc, history]");
    if (l == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < l.size(); i++) {
      String s = String.valueOf(l.get(i));
      if (!List.of(Lifecycle.EVENTS, Lifecycle.CDC, Lifecycle.HISTORY).contains(s)) {
        in.problem(
            path + "[" + i + "]", "unknown output '" + s + "'", "use events, cdc or history");
        return null;
      }
      if (!out.contains(s)) {
        out.add(s);
      }
    }
    if (out.isEmpty()) {
      in.problem(path, "is empty", "name at least one of events, cdc, history");
      return null;
    }
    return out;
  }

  private List<Lifecycle.State> states(
      Object node, String path, List<Column> columns, String key, String start) {
    Map<String, Object> m = in.map(node, path, "write states: {created: {...}, done: {}}");
    if (m == null) {
      return null;
    }
    if (m.isEmpty()) {
      in.problem(path, "declares no state", "declare at least an initial and a terminal state");
      return null;
    }
    List<Lifecycle.State> out = new ArrayList<>();
    boolean ok = true;
    for (Map.Entry<String, Object> e : m.entrySet()) {
      Lifecycle.State s =
          state(e.getKey(), e.getValue(), path + "." + e.getKey(), columns, key, start);
      ok &= s != null;
      if (s != null) {
        out.add(s);
      }
    }
    return ok ? out : null;
  }

  private Lifecycle.State state(
      String name, Object node, String path, List<Column> columns, String key, String start) {
    Map<String, Object> m = node == null ? Map.of() : in.map(node, path, "write {dwell, next}");
    if (m == null) {
      return null;
    }
    in.keys(m, STATE_KEYS, path);
    List<Lifecycle.Branch> next = branches(m.get("next"), path + ".next");
    GeneratorSpec dwell = null;
    if (m.get("dwell") != null) {
      dwell =
          in.generator(m.get("dwell"), path + ".dwell", "{type: exponential, params: {mean: 2}}");
    }
    boolean delete = Boolean.TRUE.equals(m.get("delete"));
    if (m.get("delete") != null && !(m.get("delete") instanceof Boolean)) {
      in.problem(path + ".delete", "must be true or false", "write delete: true");
    }
    boolean ok = next != null;
    if (next != null && !next.isEmpty() && dwell == null && m.get("dwell") == null) {
      in.problem(
          path + ".dwell",
          "is missing: state '" + name + "' has transitions, so instances must stay a while",
          "add dwell: {type: exponential, params: {mean: 2}} (in dwell_unit, default hours)");
      ok = false;
    }
    if (next != null && next.isEmpty() && m.get("dwell") != null) {
      in.problem(
          path + ".dwell",
          "state '" + name + "' is terminal (no next), so nothing follows its dwell",
          "remove dwell, or add next: {...} to leave the state");
    }
    if (delete && next != null && !next.isEmpty()) {
      in.problem(
          path + ".delete",
          "only a terminal state can delete the row",
          "remove delete, or remove next so that the state ends the history");
    }
    Map<String, Object> shape = null;
    if (m.get("shape") != null) {
      shape =
          in.map(
              m.get("shape"), path + ".shape", "write shape: {hourly: office, weekday: workweek}");
      ok &= shape != null;
      if (next != null && next.isEmpty()) {
        in.problem(
            path + ".shape",
            "state '" + name + "' is terminal (no next), so no dwell of it is shaped",
            "remove shape, or move it to the state whose leaving time it should shape");
        ok = false;
      }
    }
    Map<String, Object> set = set(m.get("set"), path + ".set", columns, key, start);
    return set == null || !ok ? null : new Lifecycle.State(name, dwell, next, set, delete, shape);
  }

  private Map<String, Object> set(
      Object node, String path, List<Column> columns, String key, String start) {
    if (node == null) {
      return Map.of();
    }
    Map<String, Object> m = in.map(node, path, "write set: {status: paid, updated_at: event_time}");
    if (m == null) {
      return null;
    }
    boolean ok = true;
    for (Map.Entry<String, Object> e : m.entrySet()) {
      String c = e.getKey();
      if (columns.stream().noneMatch(x -> x.name().equals(c))) {
        in.problem(
            path + "." + c,
            "the entity has no column '" + c + "'",
            "use one of: " + String.join(", ", columns.stream().map(Column::name).toList()));
        ok = false;
      } else if (c.equals(key) || c.equals(start)) {
        in.problem(
            path + "." + c,
            "'" + c + "' is the lifecycle's " + (c.equals(key) ? "key" : "start") + " column",
            "set other columns: the key and the start time never change");
        ok = false;
      } else if (e.getValue() == null) {
        in.problem(path + "." + c, "has no value", "write a value, event_time or {type, params}");
        ok = false;
      }
    }
    return ok ? m : null;
  }

  private List<Lifecycle.Branch> branches(Object node, String path) {
    if (node == null) {
      return List.of();
    }
    if (node instanceof Map<?, ?>) {
      Lifecycle.Branch b = branch(null, node, path);
      return b == null ? null : List.of(b);
    }
    List<?> l = in.list(node, path, "write next: {paid: 0.8, cancelled: 0.2}");
    if (l == null) {
      return null;
    }
    List<Lifecycle.Branch> out = new ArrayList<>();
    for (int i = 0; i < l.size(); i++) {
      String p = path + "[" + i + "]";
      Map<String, Object> m = in.map(l.get(i), p, "write {when: \"amount > 100\", to: {...}}");
      if (m == null) {
        return null;
      }
      in.keys(m, BRANCH_KEYS, p);
      String when =
          m.get("when") == null ? null : in.text(m.get("when"), p + ".when", "amount > 100");
      boolean last = i == l.size() - 1;
      if (when == null && !last) {
        in.problem(
            p + ".when",
            "is missing on a branch that is not the last, so the branches after it never apply",
            "give this branch a when: condition, or move it to the end");
        return null;
      }
      if (when != null && last) {
        in.problem(
            p + ".when",
            "the last branch has a condition, so an instance that matches none has nowhere to go",
            "add a last branch without when: (the default)");
        return null;
      }
      Lifecycle.Branch b = branch(when, m.get("to"), p + ".to");
      if (b == null) {
        return null;
      }
      out.add(b);
    }
    return out;
  }

  private Lifecycle.Branch branch(String when, Object node, String path) {
    Map<String, Object> m = in.map(node, path, "write {paid: 0.8, cancelled: 0.2}");
    if (m == null) {
      return null;
    }
    if (m.isEmpty()) {
      in.problem(path, "names no next state", "write e.g. {paid: 0.8, cancelled: 0.2}");
      return null;
    }
    Map<String, Double> to = new LinkedHashMap<>();
    double sum = 0;
    for (Map.Entry<String, Object> e : m.entrySet()) {
      Double p = in.number(e.getValue(), path + "." + e.getKey(), "0.8");
      if (p == null) {
        return null;
      }
      if (!(p > 0 && p <= 1)) {
        in.problem(
            path + "." + e.getKey(),
            "is a probability, must be in (0, 1], got " + p,
            "use a share such as 0.8 (remove transitions that never happen)");
        return null;
      }
      to.put(e.getKey(), p);
      sum += p;
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      in.problem(
          path,
          "probabilities sum to " + round(sum) + ", not 1",
          "make them add up to 1 (e.g. scale each by " + round(1 / sum) + ")");
      return null;
    }
    return new Lifecycle.Branch(when, to);
  }

  private static String round(double d) {
    return String.format(Locale.ROOT, "%.6g", d);
  }

  private boolean checkStructure(Lifecycle lc, String path) {
    List<Lifecycle.State> states = lc.states();
    int n = states.size();
    boolean ok = true;
    if (lc.indexOf(lc.initial()) < 0) {
      in.problem(
          path + ".initial",
          "'" + lc.initial() + "' is not a state of the lifecycle",
          "use one of: " + names(lc));
      return false;
    }
    for (Lifecycle.State s : states) {
      for (int b = 0; b < s.next().size(); b++) {
        for (String t : s.next().get(b).to().keySet()) {
          if (lc.indexOf(t) < 0) {
            in.problem(
                path
                    + ".states."
                    + s.name()
                    + ".next"
                    + (s.next().size() > 1 ? "[" + b + "]" : "")
                    + "."
                    + t,
                "'" + t + "' is not a state of the lifecycle",
                "declare it under states, or use one of: " + names(lc));
            ok = false;
          }
        }
      }
    }
    if (!ok) {
      return false;
    }
    BitSet reached = new BitSet(n);
    Deque<Integer> todo = new ArrayDeque<>(List.of(lc.indexOf(lc.initial())));
    while (!todo.isEmpty()) {
      int i = todo.pop();
      if (!reached.get(i)) {
        reached.set(i);
        states.get(i).next().forEach(b -> b.to().keySet().forEach(t -> todo.push(lc.indexOf(t))));
      }
    }
    for (int i = 0; i < n; i++) {
      if (!reached.get(i)) {
        in.problem(
            path + ".states." + states.get(i).name(),
            "is never reached from the initial state '" + lc.initial() + "'",
            "add a transition to it from a reachable state, or remove it");
        ok = false;
      }
    }
    BitSet ends = new BitSet(n);
    boolean grew = true;
    for (int i = 0; i < n; i++) {
      ends.set(i, states.get(i).terminal());
    }
    if (ends.isEmpty()) {
      in.problem(
          path + ".states",
          "no state is terminal, so histories never end",
          "add a state without next (e.g. done: {}) and a transition to it");
      return false;
    }
    while (grew) {
      grew = false;
      for (int i = 0; i < n; i++) {
        if (!ends.get(i) && leadsTo(states.get(i), lc, ends)) {
          ends.set(i);
          grew = true;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (reached.get(i) && !ends.get(i)) {
        in.problem(
            path + ".states." + states.get(i).name(),
            "no terminal state can be reached from '" + states.get(i).name() + "'",
            "add a transition from it (or from a state it leads to) towards a terminal state");
        ok = false;
      }
    }
    return ok;
  }

  private static boolean leadsTo(Lifecycle.State s, Lifecycle lc, BitSet ends) {
    return s.next().stream()
        .anyMatch(b -> b.to().keySet().stream().anyMatch(t -> ends.get(lc.indexOf(t))));
  }

  private static String names(Lifecycle lc) {
    return String.join(", ", lc.states().stream().map(Lifecycle.State::name).toList());
  }
}
