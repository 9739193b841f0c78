package dev.syngen.server.application.cluster;

import dev.syngen.server.application.audit.AuditEntry;
import dev.syngen.server.application.batch.BatchSettings;
import dev.syngen.server.infrastructure.persistence.JpaAuditLog;
import dev.syngen.server.infrastructure.persistence.JpaClusterMembers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Removes the members that have been down for longer than {@code
 * syngen.cluster.member-retention-minutes}, so servers that went away (an executor pod replaced
 * under a new name) leave the list. Every member's heartbeat calls it now and then, so several may
 * at once: each removal deletes the row only as it was read (name and last heartbeat) in a
 * transaction of its own, which finds nothing when another member removed it first or the member
 * came back. Each removal is audited as {@value MemberRemoval#ACTION} by {@code system}.
 */
@ApplicationScoped
public class ExpiredMembers {
  private static final Logger LOG = Logger.getLogger(ExpiredMembers.class.getName());

  /** Members looked at per call at most, the longest unseen first; the next call takes the rest. */
  static final int BATCH = 500;

  @Inject JpaClusterMembers members;
  @Inject JpaAuditLog audit;
  @Inject BatchSettings settings;

  /**
   * Whether {@code m} has been down for longer than {@code retention} at {@code now}. A member that
   * is up never is, whatever the retention.
   */
  public static boolean expired(ClusterMember m, Instant now, Duration retention) {
    return now.isAfter(MemberState.downAt(m).plus(retention));
  }

  /**
   * The last heartbeat before which a member may have expired: a member is down only after at least
   * one of its intervals, so none seen since this instant can be.
   */
  static Instant candidatesSeenBefore(Instant now, Duration retention) {
    return now.minus(retention);
  }

  /** Removes the members expired at {@code now}; returns the names this call removed. */
  public List<String> remove(Instant now) {
    Duration retention = settings.memberRetention();
    List<String> removed = new ArrayList<>();
    for (ClusterMember m : members.seenBefore(candidatesSeenBefore(now, retention), BATCH)) {
      if (expired(m, now, retention) && members.remove(m.name(), m.seenAt())) {
        removed.add(m.name());
        audit.append(
            new AuditEntry(
                now,
                "system",
                MemberRemoval.ACTION,
                MemberRemoval.subject(m.name()),
                MemberRemoval.details(m)
                    + ", down for more than syngen.cluster.member-retention-minutes="
                    + retention.toMinutes(),
                null));
      }
    }
    if (!removed.isEmpty()) {
      LOG.info(
          "removed "
              + removed.size()
              + " cluster member(s) down for more than "
              + retention.toMinutes()
              + " min: "
              + String.join(", ", removed));
    }
    return removed;
  }
}
