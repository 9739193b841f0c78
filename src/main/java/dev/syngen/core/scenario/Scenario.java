package dev.syngen.core.scenario;

import java.time.Instant;
import java.util.List;

/**
 * A scenario: named, versioned description of a dataset. {@code seed} and {@code asOf} may be null.
 */
public record Scenario(
    String id,
    String name,
    String version,
    String description,
    Long seed,
    Instant asOf,
    List<Entity> entities) {
  public Scenario {
    entities = List.copyOf(entities);
  }

  public Entity entity(String name) {
    return entities.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
  }
}
