package dev.syngen.server.infrastructure.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class DependencySlotTest {

  @Test
  void responsesOfTheSameDependencyCollapseInASet() {
    Set<HealthCheckResponse> seen = new HashSet<>();
    seen.add(new DependencySlot.NamedResponse("history-database", true, Map.of()));
    seen.add(new DependencySlot.NamedResponse("target:a", false, Map.of("error", "down")));
    seen.add(new DependencySlot.NamedResponse("history-database", true, Map.of()));
    assertEquals(2, seen.size());
    assertEquals(
        List.of("history-database", "target:a"),
        seen.stream().map(HealthCheckResponse::getName).sorted().toList());
  }

  @Test
  void differentDependenciesStayApart() {
    assertNotEquals(
        new DependencySlot.NamedResponse("target:a", true, Map.of()),
        new DependencySlot.NamedResponse("target:b", true, Map.of()));
  }

  @Test
  void aDependencyDetailSaysWhereHowFastAndWhy() {
    Dependency down = new Dependency("target:k", "kafka", false, "k:9092", 3, "refused");
    assertEquals("kafka at k:9092 (3 ms): refused", down.detail());
    assertEquals(
        "derby at jdbc/syngen (1 ms)",
        new Dependency("history-database", "derby", true, "jdbc/syngen", 1, null).detail());
  }
}
