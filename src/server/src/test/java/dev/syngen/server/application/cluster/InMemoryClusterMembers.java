package dev.syngen.server.application.cluster;

import dev.syngen.server.infrastructure.persistence.JpaClusterMembers;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The member table as a map, with the store's queries and its conditional delete. */
public class InMemoryClusterMembers extends JpaClusterMembers {
  final Map<String, ClusterMember> rows = new TreeMap<>();

  public void put(ClusterMember m) {
    rows.put(m.name(), m);
  }

  @Override
  public void beat(ClusterMember m) {
    put(m);
  }

  @Override
  public Optional<ClusterMember> find(String name) {
    return Optional.ofNullable(rows.get(name));
  }

  @Override
  public List<ClusterMember> seenBefore(Instant before, int limit) {
    return rows.values().stream()
        .filter(m -> m.seenAt().isBefore(before))
        .sorted(Comparator.comparing(ClusterMember::seenAt).thenComparing(ClusterMember::name))
        .limit(limit)
        .toList();
  }

  @Override
  public boolean remove(String name, Instant seenAt) {
    ClusterMember m = rows.get(name);
    if (m == null || !m.seenAt().equals(seenAt)) {
      return false;
    }
    rows.remove(name);
    return true;
  }

  /** A member with {@code heartbeatSeconds} intervals whose last heartbeat was at {@code seen}. */
  public static ClusterMember member(String name, Instant seen, int heartbeatSeconds) {
    return new ClusterMember(
        name,
        "executor",
        seen.minusSeconds(3_600),
        seen,
        heartbeatSeconds,
        1,
        10,
        50_000,
        seen.minusSeconds(heartbeatSeconds),
        45_000);
  }
}
