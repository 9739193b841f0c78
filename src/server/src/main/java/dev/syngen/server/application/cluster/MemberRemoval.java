package dev.syngen.server.application.cluster;

import dev.syngen.server.application.audit.AuditEntry;
import dev.syngen.server.application.batch.BatchSettings;
import dev.syngen.server.application.error.ApiException;
import dev.syngen.server.infrastructure.persistence.JpaAuditLog;
import dev.syngen.server.infrastructure.persistence.JpaClusterMembers;
import dev.syngen.server.infrastructure.security.RequestTrace;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * An admin removes a member that is down before its retention ends (admin, audited as {@value
 * #ACTION}). A member that is up is refused: it would write its row again at its next heartbeat.
 */
@Stateless
public class MemberRemoval {
  /** The audit action of a member's removal, by an admin or by its retention. */
  public static final String ACTION = "cluster.member.remove";

  @Inject JpaClusterMembers members;
  @Inject BatchSettings settings;
  @Inject JpaAuditLog audit;
  @Inject RequestTrace trace;
  @Inject Clock clock;
  @Resource SessionContext session;

  /**
   * Removes the member {@code name}: 400 for a name no member can have, 404 for one without a row,
   * 409 while it is up.
   */
  @RolesAllowed("admin")
  public void remove(String name) {
    MemberNames.check(name);
    if (!settings.clustered()) {
      throw ApiException.notFound(
          "no cluster member '"
              + name
              + "': this server is standalone (syngen.role), so it lists no members");
    }
    ClusterMember m = find(name);
    Instant now = clock.instant();
    refuseIfUp(m, now);
    if (!members.remove(name, m.seenAt())) {
      // a heartbeat came in after the read, or another removal went first
      refuseIfUp(find(name), clock.instant());
      throw ApiException.conflict(
          "member " + name + " changed while it was removed; send the DELETE again");
    }
    audit.append(
        new AuditEntry(
            now,
            session.getCallerPrincipal().getName(),
            ACTION,
            subject(name),
            details(m) + ", down since " + MemberState.downAt(m),
            trace.traceId()));
  }

  /** The audit subject of a member. */
  static String subject(String name) {
    return "member:" + name;
  }

  /** What the audit entry of a removal says about the member. */
  static String details(ClusterMember m) {
    return "role=" + m.role() + ", started " + m.startedAt() + ", last heartbeat " + m.seenAt();
  }

  private ClusterMember find(String name) {
    return members
        .find(name)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "no cluster member '" + name + "'; GET /api/v1/cluster/members lists them"));
  }

  private static void refuseIfUp(ClusterMember m, Instant now) {
    if (!now.isAfter(MemberState.downAt(m))) {
      long ago = Math.max(0, Duration.between(m.seenAt(), now).toSeconds());
      long left = (Duration.between(now, MemberState.downAt(m)).toMillis() + 999) / 1000;
      throw ApiException.conflict(
          "member "
              + m.name()
              + " sent a heartbeat "
              + ago
              + " s ago; stop it first or wait until it is down ("
              + MemberState.MISSED_BEATS
              + " heartbeats missed, in "
              + left
              + " s)");
    }
  }
}
