package dev.syngen.core.scenario;

import java.time.Instant;
import java.util.List;

/**
 * A scenario: named, versioned description of a dataset. {@code seed} and {@code asOf} may be null;
 * {@code bands} are the named sizes selectable at run time; {@code expectations} what the fidelity
 * validator checks beyond what the generators declare.
 */
public record Scenario(
    String id,
    String name,
    String version,
    String description,
    Long seed,
    Instant asOf,
    List<Entity> entities,
    List<ScaleBand> bands,
    Expectations expectations) {
  public Scenario {
    entities = List.copyOf(entities);
    bands = bands == null ? List.of() : List.copyOf(bands);
    expectations = expectations == null ? Expectations.NONE : expectations;
  }

  public Scenario(
      String id,
      String name,
      String version,
      String description,
      Long seed,
      Instant asOf,
      List<Entity> entities) {
    this(id, name, version, description, seed, asOf, entities, List.of(), Expectations.NONE);
  }

  public Entity entity(String name) {
    return entities.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
  }

  public ScaleBand band(String name) {
    return bands.stream().filter(b -> b.name().equals(name)).findFirst().orElse(null);
  }
}
