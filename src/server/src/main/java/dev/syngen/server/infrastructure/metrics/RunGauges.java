package dev.syngen.server.infrastructure.metrics;

import dev.syngen.server.application.run.RunLauncher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/** Gauges of the run queue: {@code syngen_runs_active} and {@code syngen_runs_queued}. */
@ApplicationScoped
public class RunGauges {
  @Inject RunLauncher launcher;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    registry.gauge(
        Metadata.builder()
            .withName("syngen.runs.active")
            .withDescription("Runs queued or running on this server")
            .build(),
        launcher,
        RunLauncher::activeCount);
    registry.gauge(
        Metadata.builder()
            .withName("syngen.runs.queued")
            .withDescription("Runs waiting for a free run slot (syngen.runs.max-concurrent)")
            .build(),
        launcher,
        RunLauncher::queuedCount);
  }
}
