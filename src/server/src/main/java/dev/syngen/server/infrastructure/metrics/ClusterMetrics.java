package dev.syngen.server.infrastructure.metrics;

import dev.syngen.server.application.batch.BatchSettings;
import dev.syngen.server.application.batch.ChunkReported;
import dev.syngen.server.application.batch.ChunkWritten;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * An executor's counters of the chunks it wrote and their rows since it started, {@code
 * syngen_cluster_chunks_written_total} and {@code syngen_cluster_rows_written_total}, and its
 * timers of a chunk's wait in the queue and of its writing, {@code
 * syngen_cluster_chunk_queued_seconds} and {@code syngen_cluster_chunk_write_seconds}: registered
 * on executors only, where they start at 0. A dispatcher's timer of a chunk from its send to its
 * report, {@code syngen_cluster_chunk_round_trip_seconds}: the round trip less the write is what
 * dispatching costs per chunk. Like every metric of a cluster member they carry the global tag
 * {@code server} (mp.metrics.tags in the role files), never a run id.
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

  private static final Metadata QUEUED =
      Metadata.builder()
          .withName("syngen.cluster.chunk.queued")
          .withDescription(
              "How long chunks waited in the partition queue before this executor took them, from"
                  + " the dispatcher's send (the servers' clocks must agree)")
          .withUnit("seconds")
          .build();
  private static final Metadata WRITE =
      Metadata.builder()
          .withName("syngen.cluster.chunk.write")
          .withDescription(
              "How long this executor took per chunk, from taking it to recording it written")
          .withUnit("seconds")
          .build();
  private static final Metadata ROUND_TRIP =
      Metadata.builder()
          .withName("syngen.cluster.chunk.round.trip")
          .withDescription(
              "How long chunks took from this dispatcher's first send to their report as written")
          .withUnit("seconds")
          .build();

  @Inject BatchSettings settings;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  private volatile Counter chunks;
  private volatile Counter rows;
  private volatile Timer queued;
  private volatile Timer write;
  private volatile Timer roundTrip;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (settings.executesChunks()) {
      chunks = registry.counter(CHUNKS);
      rows = registry.counter(ROWS);
      queued = registry.timer(QUEUED);
      write = registry.timer(WRITE);
    }
    if (settings.dispatchesChunks()) {
      roundTrip = registry.timer(ROUND_TRIP);
    }
  }

  void reported(@Observes ChunkReported chunk) {
    if (roundTrip != null) {
      roundTrip.update(chunk.roundTrip());
    }
  }

  void written(@Observes ChunkWritten chunk) {
    if (chunks != null) {
      chunks.inc();
      if (chunk.rows() > 0) {
        rows.inc(chunk.rows());
      }
      if (chunk.queued() != null) {
        queued.update(chunk.queued());
      }
      write.update(chunk.writing());
    }
  }
}
