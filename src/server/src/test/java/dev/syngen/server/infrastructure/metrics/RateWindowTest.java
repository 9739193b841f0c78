package dev.syngen.server.infrastructure.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateWindowTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final RateWindow window = new RateWindow(now::get);

  @Test
  void averagesTheLastTenFullSeconds() {
    for (int s = 0; s < 10; s++) {
      window.add(500);
      now.addAndGet(1000);
    }
    assertEquals(500.0, window.perSecond(), 1e-9);
  }

  @Test
  void theCurrentPartialSecondDoesNotCountYet() {
    window.add(1000);
    assertEquals(0.0, window.perSecond(), 1e-9);
    now.addAndGet(1000);
    assertEquals(100.0, window.perSecond(), 1e-9);
  }

  @Test
  void fallsToZeroWhenProductionStops() {
    window.add(1000);
    now.addAndGet(11_000);
    assertEquals(0.0, window.perSecond(), 1e-9);
  }
}
