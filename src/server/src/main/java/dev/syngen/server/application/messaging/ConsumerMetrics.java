package dev.syngen.server.application.messaging;

import dev.syngen.core.consumer.ConsumerCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The example consumer's counters, labelled by entity: records verified (first arrival of a row),
 * duplicates, and rows missing when an entity's end-of-entity message arrived. Prometheus shows
 * them as {@code syngen_consumer_records_verified_total} and so on.
 */
@ApplicationScoped
public class ConsumerMetrics {
  private static final String VERIFIED = "syngen_consumer_records_verified";
  private static final String DUPLICATES = "syngen_consumer_duplicates";
  private static final String MISSING = "syngen_consumer_missing";

  @Inject MetricRegistry registry;

  /** Counters by name and entity, so a message costs a map lookup, not a registry lookup. */
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  void record(String entity, boolean repeat) {
    counter(repeat ? DUPLICATES : VERIFIED, entity).inc();
  }

  void ended(ConsumerCheck c) {
    if (c.missing() != null && c.missing() > 0) {
      counter(MISSING, c.entity()).inc(c.missing());
    }
  }

  private Counter counter(String name, String entity) {
    return counters.computeIfAbsent(
        name + "\u0000" + entity, k -> registry.counter(name, new Tag("entity", entity)));
  }
}
