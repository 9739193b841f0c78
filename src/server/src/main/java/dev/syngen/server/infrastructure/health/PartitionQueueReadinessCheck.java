package dev.syngen.server.infrastructure.health;

import dev.syngen.core.sink.Redactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import java.util.Optional;
import javax.naming.InitialContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * An executor server (syngen.role=executor) is ready only while it can connect to the dispatcher's
 * messaging engine, where its chunks come from, as the user syngen.jms.user; probed at most every 5
 * seconds. A dispatcher or executor without syngen.jms.password is not ready; a standalone server
 * has no remote engine to reach and reports up. A refusal names the user, never the password.
 */
@Readiness
@ApplicationScoped
public class PartitionQueueReadinessCheck implements HealthCheck {
  /** The remote connection factory role-executor.xml binds. */
  static final String FACTORY = "jms/syngen/cluster/ConnectionFactory";

  private static final long REUSE_NANOS = 5_000_000_000L;

  @Inject
  @ConfigProperty(name = "syngen.role", defaultValue = "standalone")
  String role;

  @Inject
  @ConfigProperty(name = "syngen.jms.user", defaultValue = "syngen-executor")
  String user;

  /** Empty when not set (MicroProfile Config treats an empty value as missing). */
  @Inject
  @ConfigProperty(name = "syngen.jms.password")
  Optional<String> password;

  private volatile String error;
  private volatile long checkedAt;

  @Override
  public HealthCheckResponse call() {
    String why = problem();
    return HealthCheckResponse.named(PartitionQueueReadinessCheck.class.getSimpleName())
        .status(why == null)
        .withData("role", role)
        .withData("error", why == null ? "" : why)
        .build();
  }

  /** Why this server is not ready for its role's messaging, or null when it is. */
  String problem() {
    if (!role.equals("standalone") && password.filter(p -> !p.isBlank()).isEmpty()) {
      return "the messaging engine's user "
          + user
          + " has no password; fix: set SYNGEN_JMS_PASSWORD (the same on the dispatcher and"
          + " every executor)";
    }
    return role.equals("executor") ? probe() : null;
  }

  private String probe() {
    long now = System.nanoTime();
    if (checkedAt != 0 && now - checkedAt < REUSE_NANOS) {
      return error;
    }
    String result;
    try {
      ConnectionFactory factory = (ConnectionFactory) new InitialContext().lookup(FACTORY);
      try (Connection c = factory.createConnection()) {
        c.getMetaData();
      }
      result = null;
    } catch (Exception e) {
      result =
          "the dispatcher's messaging engine did not accept a connection as user "
              + user
              + " ("
              + FACTORY
              + ": "
              + scrub(e.getMessage())
              + "); fix: start the dispatcher, check SYNGEN_CLUSTER_DISPATCHER, and give"
              + " SYNGEN_JMS_USER and SYNGEN_JMS_PASSWORD the dispatcher's values";
    }
    error = result;
    checkedAt = now;
    return result;
  }

  /** An engine's message, never with the password in it. */
  private String scrub(String message) {
    String text = Redactor.text(String.valueOf(message));
    return password.filter(p -> !p.isBlank()).map(p -> text.replace(p, "****")).orElse(text);
  }
}
