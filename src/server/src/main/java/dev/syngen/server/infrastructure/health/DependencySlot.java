package dev.syngen.server.infrastructure.health;

import jakarta.enterprise.inject.spi.BeanManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The readiness check of one dependency slot. A slot beyond the current dependencies repeats the
 * history database's response: responses are equal by name, and the health endpoint collects them
 * into a set, so each dependency appears exactly once.
 */
final class DependencySlot implements HealthCheck {
  private final int slot;
  private final BeanManager beans;

  DependencySlot(int slot, BeanManager beans) {
    this.slot = slot;
    this.beans = beans;
  }

  @Override
  public HealthCheckResponse call() {
    List<Dependency> all = beans.createInstance().select(DependencyStatus.class).get().current();
    boolean last = slot == DependencyReadiness.SLOTS - 1;
    if (last && all.size() > DependencyReadiness.SLOTS) {
      return rest(all.subList(slot, all.size()));
    }
    return response(slot < all.size() ? all.get(slot) : all.get(0));
  }

  private static HealthCheckResponse response(Dependency d) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("kind", d.kind());
    data.put("endpoint", d.endpoint());
    data.put("latency_ms", d.latencyMs());
    if (d.error() != null) {
      data.put("error", d.error());
    }
    return new NamedResponse(d.name(), d.up(), data);
  }

  private static HealthCheckResponse rest(List<Dependency> rest) {
    List<String> down = rest.stream().filter(d -> !d.up()).map(Dependency::name).toList();
    Map<String, Object> data = new LinkedHashMap<>();
    // MicroProfile Health writes numbers as long: an Integer here fails the whole response (#11)
    data.put("targets", (long) rest.size());
    if (!down.isEmpty()) {
      data.put("error", "down: " + String.join(", ", down));
    }
    return new NamedResponse("targets:more", down.isEmpty(), data);
  }

  /** A response equal to any other response of the same name. */
  static final class NamedResponse extends HealthCheckResponse {
    NamedResponse(String name, boolean up, Map<String, Object> data) {
      super(name, up ? Status.UP : Status.DOWN, Optional.of(data));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof NamedResponse other && other.getName().equals(getName());
    }

    @Override
    public int hashCode() {
      return getName().hashCode();
    }
  }
}
