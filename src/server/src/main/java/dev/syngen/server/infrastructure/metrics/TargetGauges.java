package dev.syngen.server.infrastructure.metrics;

import dev.syngen.server.infrastructure.health.Dependency;
import dev.syngen.server.infrastructure.health.DependencyStatus;
import dev.syngen.server.infrastructure.health.TargetsProbed;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Every target's reachability as gauges, labelled by target id and kind (operators name targets, so
 * the set is bounded): {@code syngen_target_up} (1 or 0) and {@code
 * syngen_target_probe_latency_seconds}. A scrape reads the cached probe of {@link
 * DependencyStatus#targets()}, so scrapes never probe more often than {@code
 * syngen.health.cache-seconds}; gauges of deleted targets go with the next probe.
 */
@ApplicationScoped
public class TargetGauges {
  private static final Metadata UP =
      Metadata.builder()
          .withName("syngen.target.up")
          .withDescription("1 when the target's database or broker answered its last probe, else 0")
          .build();
  private static final Metadata LATENCY =
      Metadata.builder()
          .withName("syngen.target.probe.latency")
          .withDescription("How long the target's last reachability probe took")
          .withUnit(MetricUnits.SECONDS)
          .build();

  @Inject DependencyStatus status;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @Resource ManagedExecutorService executor;

  /** Target id → the tags its gauges carry. */
  private final Map<String, Tag[]> registered = new ConcurrentHashMap<>();

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    executor.execute(status::targets); // the first probe registers today's targets
  }

  void sync(@Observes TargetsProbed event) {
    Set<String> ids =
        event.targets().stream().map(Dependency::targetId).collect(Collectors.toSet());
    registered.keySet().stream().filter(id -> !ids.contains(id)).toList().forEach(this::remove);
    for (Dependency d : event.targets()) {
      registered.computeIfAbsent(d.targetId(), id -> register(id, d.kind()));
    }
  }

  private Tag[] register(String id, String kind) {
    Tag[] tags = {new Tag("target_id", id), new Tag(SyngenMetrics.KIND, kind)};
    registry.gauge(
        UP, this, g -> g.find(id) == null ? Double.NaN : g.find(id).up() ? 1.0 : 0.0, tags);
    registry.gauge(
        LATENCY,
        this,
        g -> g.find(id) == null ? Double.NaN : g.find(id).latencyMs() / 1000.0,
        tags);
    return tags;
  }

  private void remove(String id) {
    Tag[] tags = registered.remove(id);
    if (tags != null) {
      registry.remove(new MetricID(UP.getName(), tags));
      registry.remove(new MetricID(LATENCY.getName(), tags));
    }
  }

  private Dependency find(String id) {
    return status.targets().stream().filter(d -> d.targetId().equals(id)).findFirst().orElse(null);
  }
}
