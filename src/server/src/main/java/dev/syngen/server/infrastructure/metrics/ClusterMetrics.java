package dev.syngen.server.infrastructure.metrics;

import dev.syngen.server.application.batch.BatchSettings;
import dev.syngen.server.application.batch.ChunkWritten;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * An executor's counters of the chunks it wrote and their rows since it started, {@code
 * syngen_cluster_chunks_written_total} and {@code syngen_cluster_rows_written_total}: registered on
 * executors only, where they start at 0. Like every metric of a cluster member they carry the
 * global tag {@code server} (mp.metrics.tags in role-executor.xml), never a run id.
 */
@ApplicationScoped
public class ClusterMetrics {
  private static final Metadata CHUNKS =
      Metadata.builder()
          .withName("syngen.cluster.chunks.written")
          .withDescription("Chunks this executor server wrote and recorded since it started")
          .build();
  private static final Metadata ROWS =
      Metadata.builder()
          .withName("syngen.cluster.rows.written")
          .withDescription(
              "Rows this executor server wrote in chunks since it started (rows the target already"
                  + " held are not written again)")
          .build();

  @Inject BatchSettings settings;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  private volatile Counter chunks;
  private volatile Counter rows;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (settings.executesChunks()) {
      chunks = registry.counter(CHUNKS);
      rows = registry.counter(ROWS);
    }
  }

  void written(@Observes ChunkWritten chunk) {
    if (chunks != null) {
      chunks.inc();
      if (chunk.rows() > 0) {
        rows.inc(chunk.rows());
      }
    }
  }
}
