package dev.syngen.server.application.target;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * One circuit per target id: after {@code syngen.targets.circuit.failures} consecutive failed
 * attempts to open a target, attempts to open that target (and only that one) are refused for
 * {@code syngen.targets.circuit.delay-ms}; then attempts go through again and the first success
 * closes it. A single MicroProfile circuit for the method would let one dead broker refuse runs
 * into every healthy target (finding 12).
 */
@ApplicationScoped
public class TargetCircuits {
  @Inject
  @ConfigProperty(name = "syngen.targets.circuit.failures", defaultValue = "6")
  int failures;

  @Inject
  @ConfigProperty(name = "syngen.targets.circuit.delay-ms", defaultValue = "5000")
  long delayMs;

  private LongSupplier nanos = System::nanoTime;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  private record State(int failures, long openUntilNanos) {}

  /** For tests: a fixed policy and clock. */
  static TargetCircuits of(int failures, long delayMs, LongSupplier nanos) {
    TargetCircuits c = new TargetCircuits();
    c.failures = failures;
    c.delayMs = delayMs;
    c.nanos = nanos;
    return c;
  }

  /** Throws CircuitBreakerOpenException while the target's circuit is open. */
  public void allow(String targetId) {
    State s = states.get(targetId);
    if (s != null && s.openUntilNanos() - nanos.getAsLong() > 0) {
      throw new CircuitBreakerOpenException("circuit open for target '" + targetId + "'");
    }
  }

  /** The target answered: its circuit closes and forgets earlier failures. */
  public void succeeded(String targetId) {
    states.remove(targetId);
  }

  /** One more consecutive failure; at the threshold the circuit opens for the delay. */
  public void failed(String targetId) {
    states.compute(
        targetId,
        (id, s) -> {
          int n = (s == null ? 0 : s.failures()) + 1;
          long until = n >= failures ? nanos.getAsLong() + Duration.ofMillis(delayMs).toNanos() : 0;
          return new State(n >= failures ? 0 : n, until);
        });
  }
}
