package dev.syngen.core.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders entities so that every parent comes before its children (stable: ties keep scenario
 * order), or reports the cycles that make that impossible.
 */
final class DependencyOrder {
  /** The order, and each cycle found as a list of entity names (first repeated at the end). */
  record Result(List<String> order, List<List<String>> cycles) {}

  private DependencyOrder() {}

  static Result of(List<String> names, Map<String, Set<String>> parents) {
    List<String> order = new ArrayList<>();
    List<List<String>> cycles = new ArrayList<>();
    Map<String, Integer> state = new LinkedHashMap<>(); // 1 visiting, 2 done
    for (String n : names) {
      visit(n, parents, state, new ArrayList<>(), order, cycles);
    }
    return new Result(order, cycles);
  }

  private static void visit(
      String n,
      Map<String, Set<String>> parents,
      Map<String, Integer> state,
      List<String> stack,
      List<String> order,
      List<List<String>> cycles) {
    Integer s = state.get(n);
    if (s != null) {
      if (s == 1) {
        List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(n), stack.size()));
        cycle.add(n);
        cycles.add(cycle);
      }
      return;
    }
    state.put(n, 1);
    stack.add(n);
    for (String p : parents.getOrDefault(n, new LinkedHashSet<>())) {
      visit(p, parents, state, stack, order, cycles);
    }
    stack.remove(stack.size() - 1);
    state.put(n, 2);
    order.add(n);
  }
}
