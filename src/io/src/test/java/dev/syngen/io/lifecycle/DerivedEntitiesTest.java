package dev.syngen.io.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.syngen.core.scenario.Column;
import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The entities a lifecycle derives name their generators' parameters in a fixed order: Map.of's
 * order changes from one JVM to the next, and {@code scenario show} prints them.
 */
class DerivedEntitiesTest {
  @Test
  void derivedGeneratorsListTheirParametersEntityFirst() {
    Scenario s = Lifecycles.scenario("orders");
    List<List<String>> keys = new ArrayList<>();
    for (Entity e : s.entities()) {
      if (e.rowsPerParent() != null && e.name().startsWith("orders_")) {
        keys.add(List.copyOf(e.rowsPerParent().count().params().keySet()));
      }
      for (Column c : e.columns()) {
        if (c.generator().type().startsWith("lifecycle_") || c.generator().type().equals("fk")) {
          keys.add(List.copyOf(c.generator().params().keySet()));
        }
      }
    }
    assertFalse(keys.isEmpty(), "the scenario derives entities");
    for (List<String> k : keys) {
      assertEquals(2, k.size(), k.toString());
      assertEquals("entity", k.get(0), "entity first: " + keys);
    }
  }
}
