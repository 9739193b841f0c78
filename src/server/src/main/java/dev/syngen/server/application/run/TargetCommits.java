package dev.syngen.server.application.run;

import java.util.Set;

/** Which target kinds keep an entity's rows only when the entity is finished (one transaction). */
final class TargetCommits {
  private static final Set<String> PER_ENTITY = Set.of("postgres", "postgresql");

  private TargetCommits() {}

  static boolean perEntity(String kind) {
    return kind != null && PER_ENTITY.contains(kind);
  }
}
