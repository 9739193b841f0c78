package dev.syngen.server.interfaces.console;

import dev.syngen.server.infrastructure.health.Dependency;
import java.util.List;

/**
 * What the dashboard shows about the server: whether the run database answers, how many runs are
 * queued and running, how many targets and scenarios there are, and the readiness of each
 * dependency readiness watches (empty where the caller did not ask for it).
 */
public record SystemState(
    boolean databaseUp,
    String databaseDetail,
    long queued,
    long running,
    int targets,
    int scenarios,
    List<Dependency> dependencies) {
  public SystemState {
    dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
  }

  /** The same state with the dependencies' readiness. */
  public SystemState with(List<Dependency> found) {
    return new SystemState(databaseUp, databaseDetail, queued, running, targets, scenarios, found);
  }

  /** The dependencies that are down. */
  public List<Dependency> down() {
    return dependencies.stream().filter(d -> !d.up()).toList();
  }
}
