package dev.syngen.server.application.target;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TargetProfile;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

class TargetGatewayTest {
  private static final TargetProfile PG =
      new TargetProfile(
          "warehouse", null, "postgres", "postgres://etl:hunter2@db:5432/dw", null, Map.of());

  @Test
  void aFailureNamesTheTargetWithoutItsPassword() {
    String m = TargetGateway.failure(PG, new SinkException("db:5432: Connection refused"));
    assertTrue(m.startsWith("target 'warehouse' (postgres at postgres://etl:***@db:5432/dw)"), m);
    assertTrue(m.contains("Connection refused"), m);
    assertTrue(m.contains("Fix:"), m);
    assertFalse(m.contains("hunter2"), m);
  }

  @Test
  void faultToleranceOutcomesAreSaidInWords() {
    assertTrue(
        TargetGateway.failure(PG, new TimeoutException()).contains("did not answer in time"));
    assertTrue(
        TargetGateway.failure(PG, new CircuitBreakerOpenException()).contains("circuit is open"));
  }

  @Test
  void aMessageThatHasItsOwnFixKeepsIt() {
    String m = TargetGateway.failure(PG, new SinkException("bad. Fix: start the broker"));
    assertTrue(m.endsWith("bad. Fix: start the broker"), m);
  }
}
