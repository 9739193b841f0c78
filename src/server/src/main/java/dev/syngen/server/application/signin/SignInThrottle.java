package dev.syngen.server.application.signin;

import dev.syngen.server.application.audit.AuditEntry;
import dev.syngen.server.infrastructure.persistence.JpaAuditLog;
import dev.syngen.server.infrastructure.security.RequestTrace;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Throttles sign-in (the console's form and HTTP Basic on the API): after a number of failures in a
 * window for one user name, or for one client address, every sign-in of that user or from that
 * address is refused for a while, also with the right password. Engaging a throttle is audited.
 */
@ApplicationScoped
public class SignInThrottle {
  private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());

  @Inject
  @ConfigProperty(name = "syngen.signin.max-failures-per-user", defaultValue = "5")
  int maxPerUser;

  @Inject
  @ConfigProperty(name = "syngen.signin.max-failures-per-address", defaultValue = "20")
  int maxPerAddress;

  @Inject
  @ConfigProperty(name = "syngen.signin.window-seconds", defaultValue = "300")
  int windowSeconds;

  @Inject
  @ConfigProperty(name = "syngen.signin.lockout-seconds", defaultValue = "300")
  int lockoutSeconds;

  @Inject
  @ConfigProperty(name = "syngen.signin.max-tracked", defaultValue = "10000")
  int maxTracked;

  @Inject JpaAuditLog audit;
  @Inject RequestTrace trace;
  @Inject Clock clock;

  private FailureCounter users;
  private FailureCounter addresses;

  @PostConstruct
  void init() {
    long window = TimeUnit.SECONDS.toNanos(windowSeconds);
    long lock = TimeUnit.SECONDS.toNanos(lockoutSeconds);
    users = new FailureCounter(maxPerUser, window, lock, maxTracked);
    addresses = new FailureCounter(maxPerAddress, window, lock, maxTracked);
  }

  /** Seconds until {@code user} from {@code address} may try to sign in again; 0 if now. */
  public long retryAfterSeconds(String user, String address) {
    long now = System.nanoTime();
    long nanos = Math.max(users.lockedFor(key(user), now), addresses.lockedFor(address, now));
    return nanos == 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
  }

  /** Counts a failed sign-in; audits each throttle it engages. */
  public void failed(String user, String address) {
    long now = System.nanoTime();
    if (users.fail(key(user), now)) {
      engaged("user:" + key(user), maxPerUser, address);
    }
    if (addresses.fail(address, now)) {
      engaged("address:" + address, maxPerAddress, address);
    }
  }

  /** A successful sign-in forgets the user's earlier failures. */
  public void succeeded(String user) {
    users.clear(key(user), System.nanoTime());
  }

  private void engaged(String subject, int failures, String address) {
    String details =
        failures
            + " failed sign-ins within "
            + windowSeconds
            + " s (last from "
            + address
            + "); sign-in refused for "
            + lockoutSeconds
            + " s";
    LOG.warning("sign-in throttled for " + subject + ": " + details);
    audit.append(
        new AuditEntry(
            clock.instant(), "anonymous", "signin.throttle", subject, details, trace.traceId()));
  }

  /** User names compare as typed, bounded so a huge name cannot fill memory. */
  private static String key(String user) {
    String u = user == null ? "" : user.strip();
    return u.length() > 128 ? u.substring(0, 128) : u;
  }
}
