package dev.syngen.server.infrastructure.metrics;

import dev.syngen.server.application.batch.RemoteChunks;
import dev.syngen.server.application.run.RunLauncher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Gauges of the run queue, {@code syngen_runs_active} and {@code syngen_runs_queued}, and of a
 * dispatcher's chunks on executors, {@code syngen_cluster_chunks_pending}, and of those it sent
 * again, {@code syngen_cluster_chunks_redispatched}.
 */
@ApplicationScoped
public class RunGauges {
  @Inject RunLauncher launcher;
  @Inject RemoteChunks chunks;

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
    registry.gauge(
        Metadata.builder()
            .withName("syngen.cluster.chunks.pending")
            .withDescription(
                "Chunks a dispatcher has queued for executor servers and not yet seen written"
                    + " (0 on other roles)")
            .build(),
        chunks,
        RemoteChunks::pending);
    registry.gauge(
        Metadata.builder()
            .withName("syngen.cluster.chunks.redispatched")
            .withDescription(
                "Chunks a dispatcher sent again since it started because no executor reported them"
                    + " written within syngen.cluster.chunk-redispatch-seconds")
            .build(),
        chunks,
        RemoteChunks::redispatched);
  }
}
