package dev.syngen.server.application.target;

import dev.syngen.core.sink.Redactor;
import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import dev.syngen.io.Targets;
import dev.syngen.io.probe.DependencyProbe;
import dev.syngen.io.probe.Endpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Where the server reaches targets: through {@link GuardedTargetCalls}' fault-tolerance policies,
 * turning whatever survives them into an error that names the target and says what to do.
 */
@ApplicationScoped
public class TargetGateway {
  /** How long a test waits for a TCP connection before it calls the target unreachable. */
  private static final Duration REACH_TIMEOUT = Duration.ofSeconds(5);

  @Inject GuardedTargetCalls calls;
  @Inject TargetEgress egress;
  @Inject Targets targets;

  /** Opens a run's sink, or throws a SinkException naming the target. */
  public Sink open(TargetProfile profile, RunContext context) {
    try {
      return calls.open(profile, context);
    } catch (RuntimeException e) {
      throw new SinkException(failure(profile, e), e);
    }
  }

  /**
   * Tests a target; never throws. An address the outbound policy refuses is never contacted, and a
   * closed, filtered or unresolvable endpoint gets one and the same answer, so a test cannot tell
   * them apart (finding 15).
   */
  public TargetTestResult test(TargetProfile profile) {
    String refused = egress.refusal(profile);
    if (refused != null) {
      return TargetTestResult.failed(0, named(profile, refused + ". Fix: " + POLICY_FIX));
    }
    if (!Endpoints.network(profile).isEmpty()
        && !new DependencyProbe(targets, REACH_TIMEOUT).probe(profile).up()) {
      return TargetTestResult.failed(0, named(profile, UNREACHABLE));
    }
    long t0 = System.nanoTime();
    try {
      return calls.test(profile);
    } catch (RuntimeException e) {
      return TargetTestResult.failed((System.nanoTime() - t0) / 1_000_000, failure(profile, e));
    }
  }

  private static final String POLICY_FIX =
      "test targets outside it, or change syngen.targets.test.deny / syngen.targets.test.allow";
  private static final String UNREACHABLE =
      "nothing accepted a connection at its endpoint. Fix: check the host and port, that the"
          + " service runs and that this server may reach it";

  private static String named(TargetProfile p, String what) {
    return Redactor.text(
        "target '" + p.id() + "' (" + p.kind() + " at " + p.redactedDsn() + "): " + what);
  }

  /** "target 'id' (kind at endpoint): what happened. Fix: …", without credentials. */
  static String failure(TargetProfile p, RuntimeException e) {
    String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof TimeoutException) {
      what = "did not answer in time (fault-tolerance timeout)";
    } else if (e instanceof CircuitBreakerOpenException) {
      what =
          "was not tried: the last attempts to open this target all failed, so its circuit is"
              + " open for a few seconds";
    } else if (e instanceof BulkheadException) {
      what = "was not tried: too many targets are being opened at once";
    }
    String fix =
        what.contains("Fix:")
            ? ""
            : ". Fix: check that it is running and reachable (POST /api/v1/targets/"
                + p.id()
                + "/test), then restart the run";
    return Redactor.text(
        "target '" + p.id() + "' (" + p.kind() + " at " + p.redactedDsn() + "): " + what + fix);
  }
}
