package dev.syngen.server.application.target;

import dev.syngen.core.sink.Redactor;
import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Where the server reaches targets: through {@link GuardedTargetCalls}' fault-tolerance policies,
 * turning whatever survives them into an error that names the target and says what to do.
 */
@ApplicationScoped
public class TargetGateway {
  @Inject GuardedTargetCalls calls;

  /** Opens a run's sink, or throws a SinkException naming the target. */
  public Sink open(TargetProfile profile, RunContext context) {
    try {
      return calls.open(profile, context);
    } catch (RuntimeException e) {
      throw new SinkException(failure(profile, e), e);
    }
  }

  /** Tests a target; never throws. */
  public TargetTestResult test(TargetProfile profile) {
    long t0 = System.nanoTime();
    try {
      return calls.test(profile);
    } catch (RuntimeException e) {
      return TargetTestResult.failed((System.nanoTime() - t0) / 1_000_000, failure(profile, e));
    }
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
