package dev.syngen.server.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import javax.naming.InitialContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * An executor server (syngen.role=executor) is ready only while it can connect to the dispatcher's
 * messaging engine, where its chunks come from; probed at most every 5 seconds. Other roles have no
 * remote engine to reach and report up.
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

  private volatile String error;
  private volatile long checkedAt;

  @Override
  public HealthCheckResponse call() {
    boolean executor = role.equals("executor");
    String why = executor ? probe() : null;
    return HealthCheckResponse.named(PartitionQueueReadinessCheck.class.getSimpleName())
        .status(why == null)
        .withData("role", role)
        .withData("error", why == null ? "" : why)
        .build();
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
      result = FACTORY + ": " + e.getMessage();
    }
    error = result;
    checkedAt = now;
    return result;
  }
}
