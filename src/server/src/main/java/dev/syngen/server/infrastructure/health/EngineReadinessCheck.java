package dev.syngen.server.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the application has finished initialising and until it starts shutting down, so a load
 * balancer never routes a run to a half-started or stopping server.
 */
@Readiness
@ApplicationScoped
public class EngineReadinessCheck implements HealthCheck {

  private volatile boolean initialised;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    initialised = true;
  }

  void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    initialised = false;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named(EngineReadinessCheck.class.getSimpleName())
        .status(initialised)
        .build();
  }
}
