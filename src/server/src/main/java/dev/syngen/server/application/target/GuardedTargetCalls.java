package dev.syngen.server.application.target;

import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import dev.syngen.io.Targets;
import dev.syngen.io.probe.DependencyProbe;
import dev.syngen.io.probe.ProbeResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The server's calls to external targets under MicroProfile Fault Tolerance. Every value below is a
 * default that MicroProfile Config overrides with keys such as {@code
 * dev.syngen.server.application.target.GuardedTargetCalls/open/Retry/maxRetries}
 * (docs/configuration.md). Use {@link TargetGateway}, which names the target in every failure.
 */
@ApplicationScoped
public class GuardedTargetCalls {
  /** Sinks may connect lazily, so opening first checks that the target answers at all. */
  private static final Duration REACH_TIMEOUT = Duration.ofSeconds(5);

  @Inject Targets targets;
  @Inject TargetCircuits circuits;

  /**
   * Connects a run to its target (checks it answers, then opens the sink): a failure is retried
   * with a jittered delay; each attempt has a deadline; a run of consecutive failures opens that
   * target's circuit ({@link TargetCircuits}) so queued runs into it fail fast instead of piling
   * onto a dead broker, while runs into other targets go on; at most 8 targets are opened at once.
   */
  @Retry(
      maxRetries = 2,
      delay = 500,
      jitter = 250,
      maxDuration = 60,
      durationUnit = ChronoUnit.SECONDS,
      abortOn = CircuitBreakerOpenException.class)
  @Timeout(value = 20, unit = ChronoUnit.SECONDS)
  @Bulkhead(8)
  public Sink open(TargetProfile profile, RunContext context) {
    circuits.allow(profile.id());
    try {
      ProbeResult reach = new DependencyProbe(targets, REACH_TIMEOUT).probe(profile);
      if (!reach.up()) {
        throw new SinkException(profile.kind() + " at " + reach.endpoint() + ": " + reach.error());
      }
      Sink sink = targets.open(profile, context);
      circuits.succeeded(profile.id());
      return sink;
    } catch (RuntimeException e) {
      circuits.failed(profile.id());
      throw e;
    }
  }

  /**
   * Tests a target's connection within a deadline, at most 4 at once. No retry (the caller wants
   * the answer now) and no circuit (a user who has just fixed a broker must be able to test it).
   */
  @Timeout(value = 15, unit = ChronoUnit.SECONDS)
  @Bulkhead(4)
  public TargetTestResult test(TargetProfile profile) {
    return targets.test(profile);
  }
}
