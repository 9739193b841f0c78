package dev.syngen.io.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.lifecycle.CompiledLifecycle;
import dev.syngen.core.lifecycle.ExpectedEvents;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expected events per state: exact against the written events, and a fair estimate from a sample.
 */
class ExpectedEventsTest {
  private static final CompiledPlan PLAN = Lifecycles.plan("orders", 7);
  private static final CompiledEntity ORDERS = Fixtures.compiled(PLAN, "orders");
  private static final CompiledLifecycle LC = ORDERS.lifecycle();

  @Test
  void countingEveryInstanceGivesExactlyTheEventsTheRunWrites() {
    ExpectedEvents x = ExpectedEvents.of(LC, ORDERS.rows(), Integer.MAX_VALUE);
    assertTrue(x.exact());
    assertEquals(Fixtures.compiled(PLAN, "orders_events").rows(), x.totalEvents());
    Map<String, Long> written = new HashMap<>();
    int to = Lifecycles.column(PLAN, "orders_events", "to_state");
    for (List<String> row : Lifecycles.rows(PLAN, "orders_events", 4096)) {
      written.merge(row.get(to), 1L, Long::sum);
    }
    for (ExpectedEvents.State s : x.states()) {
      assertEquals(written.getOrDefault(s.name(), 0L), s.events(), s.name());
    }
    assertEquals(ORDERS.rows(), x.states().get(0).events(), "every instance enters the initial");
    long ends = x.states().stream().mapToLong(ExpectedEvents.State::current).sum();
    assertEquals(ORDERS.rows(), ends, "each instance is in one state at the end");
    assertTrue(x.states().stream().filter(s -> !s.terminal()).allMatch(s -> s.current() == 0));
  }

  @Test
  void aSampleEstimatesEachStateCloselyAndSaysItIsAnEstimate() {
    ExpectedEvents exact = ExpectedEvents.of(LC, ORDERS.rows(), Integer.MAX_VALUE);
    ExpectedEvents est = ExpectedEvents.of(LC, ORDERS.rows(), 500);
    assertFalse(est.exact());
    assertEquals(500, est.counted());
    for (int s = 0; s < exact.states().size(); s++) {
      long e = exact.states().get(s).events();
      long g = est.states().get(s).events();
      // a count from every 4th instance, times 4: within four standard errors of the exact one
      double tolerance = 4 * Math.sqrt(4.0 * e) + 4;
      assertTrue(Math.abs(e - g) <= tolerance, exact.states().get(s) + " vs " + g);
    }
    assertEquals(est, ExpectedEvents.of(LC, ORDERS.rows(), 500), "the same sample each time");
    assertThrows(IllegalArgumentException.class, () -> ExpectedEvents.of(LC, 10, 0));
  }
}
