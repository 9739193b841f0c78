package dev.syngen.server.infrastructure.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.syngen.core.plan.CompiledEntity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsListenerTest {
  private final List<String> counted = new ArrayList<>();
  private final SyngenMetrics metrics =
      new SyngenMetrics() {
        @Override
        void produced(String kind, String entity, long records, long bytes) {
          counted.add(kind + " " + entity + " " + records + " " + bytes);
        }
      };
  private final CompiledEntity people =
      new CompiledEntity("people", "people", 1000, true, List.of());

  @Test
  void cumulativeProgressBecomesIncrements() {
    MetricsListener l = new MetricsListener(metrics, "kafka");
    l.entityStarted(people, 0);
    l.progress(people, 400, 4000);
    l.progress(people, 1000, 10000);
    assertEquals(List.of("kafka people 400 4000", "kafka people 600 6000"), counted);
  }

  @Test
  void rowsBeforeAResumePointAreNotCountedAgain() {
    MetricsListener l = new MetricsListener(metrics, "postgres");
    l.entityStarted(people, 700);
    l.progress(people, 1000, 0);
    assertEquals(List.of("postgres people 300 0"), counted);
  }
}
