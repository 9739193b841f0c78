package dev.syngen.server.application.target;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

class TargetCircuitsTest {
  private final AtomicLong now = new AtomicLong();
  private final TargetCircuits circuits = TargetCircuits.of(3, 5000, now::get);

  @Test
  void consecutiveFailuresOpenOnlyThatTargetsCircuit() {
    for (int i = 0; i < 3; i++) {
      circuits.failed("dead");
    }
    assertThrows(CircuitBreakerOpenException.class, () -> circuits.allow("dead"));
    assertDoesNotThrow(() -> circuits.allow("healthy"));
  }

  @Test
  void theCircuitLetsAttemptsThroughAfterItsDelay() {
    for (int i = 0; i < 3; i++) {
      circuits.failed("dead");
    }
    now.addAndGet(5_000_000_001L);
    assertDoesNotThrow(() -> circuits.allow("dead"));
  }

  @Test
  void aSuccessForgetsEarlierFailures() {
    circuits.failed("flaky");
    circuits.failed("flaky");
    circuits.succeeded("flaky");
    circuits.failed("flaky");
    circuits.failed("flaky");
    assertDoesNotThrow(() -> circuits.allow("flaky"));
  }
}
