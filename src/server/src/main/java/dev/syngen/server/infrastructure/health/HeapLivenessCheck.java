package dev.syngen.server.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while heap use stays under a configurable share of the maximum heap; above it the JVM is
 * likely thrashing in GC and a restart serves users better than a slow death.
 */
@Liveness
@ApplicationScoped
public class HeapLivenessCheck implements HealthCheck {

  @Inject
  @ConfigProperty(name = "syngen.health.max-heap-ratio", defaultValue = "0.95")
  double maxHeapRatio;

  @Override
  public HealthCheckResponse call() {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
    return HealthCheckResponse.named(HeapLivenessCheck.class.getSimpleName())
        .status(heap.getUsed() < max * maxHeapRatio)
        .withData("usedBytes", heap.getUsed())
        .withData("maxBytes", max)
        .build();
  }
}
