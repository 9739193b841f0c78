package dev.syngen.io.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.plan.CompiledPlan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Histories are a pure function of (seed, entity, instance row): the same at any batch size, in any
 * order; the derived entities agree with each other and with the entity's final rows.
 */
class LifecycleHistoryTest {
  private static final CompiledPlan PLAN = Lifecycles.plan("orders", 7);

  @Test
  void derivedEntitiesFollowTheDeclaredOnes() {
    List<String> names = PLAN.entities().stream().map(e -> e.name()).toList();
    assertEquals(List.of("orders", "orders_events", "orders_cdc", "orders_history"), names);
    assertEquals("orders_events", Fixtures.compiled(PLAN, "orders_events").table());
  }

  @Test
  void historiesDoNotDependOnBatchSizeOrOrder() {
    List<List<String>> whole = Lifecycles.rows(PLAN, "orders_events", 4096);
    assertEquals(whole, Lifecycles.rows(PLAN, "orders_events", 7));
    assertEquals(whole, Lifecycles.rows(Lifecycles.plan("orders", 7), "orders_events", 333));
    assertEquals(
        Lifecycles.rows(PLAN, "orders_cdc", 4096), Lifecycles.rows(PLAN, "orders_cdc", 13));
    assertNotEquals(whole, Lifecycles.rows(Lifecycles.plan("orders", 8), "orders_events", 4096));
  }

  @Test
  void eventsFollowTheMachineAndEndInTheFinalRow() {
    List<List<String>> orders = Lifecycles.rows(PLAN, "orders", 512);
    List<List<String>> events = Lifecycles.rows(PLAN, "orders_events", 512);
    int key = Lifecycles.column(PLAN, "orders_events", "order_id");
    int index = Lifecycles.column(PLAN, "orders_events", "event_index");
    int from = Lifecycles.column(PLAN, "orders_events", "from_state");
    int to = Lifecycles.column(PLAN, "orders_events", "to_state");
    int time = Lifecycles.column(PLAN, "orders_events", "event_time");
    int status = Lifecycles.column(PLAN, "orders_events", "status");
    int orderStatus = Lifecycles.column(PLAN, "orders", "status");
    Map<String, List<String>> last = new HashMap<>();
    List<String> prev = null;
    for (List<String> e : events) {
      boolean first = e.get(index).equals("0");
      if (first) {
        assertEquals("<null>", e.get(from));
        assertEquals("created", e.get(to));
      } else {
        assertEquals(prev.get(key), e.get(key), "an instance's events are consecutive");
        assertEquals(prev.get(to), e.get(from));
        assertTrue(Long.parseLong(e.get(time)) >= Long.parseLong(prev.get(time)));
        assertEquals(Integer.parseInt(prev.get(index)) + 1, Integer.parseInt(e.get(index)));
        assertTrue(
            !List.of("delivered", "refunded", "cancelled").contains(prev.get(to)),
            "no event after a terminal state");
      }
      assertEquals(e.get(to), e.get(status), "status follows the state");
      last.put(e.get(key), e);
      prev = e;
    }
    assertEquals(orders.size(), last.size(), "every order has events (fk intact)");
    for (List<String> o : orders) {
      List<String> l = last.get(o.get(0));
      assertEquals(l.get(to), o.get(orderStatus), "the order row shows its final state");
    }
  }

  @Test
  void cdcBeforeIsThePreviousAfterAndHistoryClosesVersions() {
    List<List<String>> cdc = Lifecycles.rows(PLAN, "orders_cdc", 1000);
    int before = Lifecycles.column(PLAN, "orders_cdc", "before");
    int after = Lifecycles.column(PLAN, "orders_cdc", "after");
    int op = Lifecycles.column(PLAN, "orders_cdc", "op");
    int deletes = 0;
    for (int i = 0; i < cdc.size(); i++) {
      List<String> r = cdc.get(i);
      switch (r.get(op)) {
        case "c" -> assertEquals("<null>", r.get(before));
        case "u" -> assertEquals(cdc.get(i - 1).get(after), r.get(before));
        case "d" -> {
          deletes++;
          assertEquals("<null>", r.get(after));
          assertEquals(cdc.get(i - 1).get(after), r.get(before));
        }
        default -> throw new AssertionError("op " + r.get(op));
      }
    }
    assertTrue(deletes > 0, "cancelled orders are deleted");
    List<List<String>> history = Lifecycles.rows(PLAN, "orders_history", 1000);
    assertEquals(cdc.size() - deletes, history.size(), "one version per event but deletes");
    int from = Lifecycles.column(PLAN, "orders_history", "valid_from");
    int to = Lifecycles.column(PLAN, "orders_history", "valid_to");
    int current = Lifecycles.column(PLAN, "orders_history", "is_current");
    for (int i = 0; i + 1 < history.size(); i++) {
      List<String> h = history.get(i);
      if (h.get(current).equals("0") && history.get(i + 1).get(0).equals(h.get(0))) {
        assertEquals(history.get(i + 1).get(from), h.get(to), "versions are contiguous");
      }
    }
  }
}
