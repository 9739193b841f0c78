package dev.syngen.server.application.cluster;

import dev.syngen.server.application.batch.BatchSettings;
import dev.syngen.server.infrastructure.persistence.JpaClusterMembers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The cluster's members as seen now: up or down, chunks running, rows written and rows/s. */
@ApplicationScoped
public class ClusterMembers {
  /** Members listed at most, the most recently seen first. */
  public static final int LIMIT = 500;

  @Inject JpaClusterMembers members;
  @Inject BatchSettings settings;
  @Inject Clock clock;

  /**
   * At most {@link #LIMIT} members, the most recently seen first, from one query; none on a
   * standalone server, which is no member.
   */
  public List<MemberState> list() {
    if (!clustered()) {
      return List.of();
    }
    Instant now = clock.instant();
    return members.newest(LIMIT).stream().map(m -> MemberState.of(m, now)).toList();
  }

  /** Whether this server belongs to a cluster (dispatcher or executor), which shows its members. */
  public boolean clustered() {
    return settings.clustered();
  }
}
