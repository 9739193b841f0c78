package dev.syngen.server.infrastructure.persistence;

import dev.syngen.server.application.cluster.ClusterMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The cluster's members in the shared history database: one row per server, its last heartbeat,
 * until the server has been down long enough to be removed.
 */
@ApplicationScoped
@Transactional
public class JpaClusterMembers {
  @PersistenceContext(unitName = "syngen")
  EntityManager em;

  /** Records a member's heartbeat, in a transaction of its own: a new row, or its row replaced. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void beat(ClusterMember m) {
    ClusterMemberEntity e = em.find(ClusterMemberEntity.class, m.name());
    if (e == null) {
      e = new ClusterMemberEntity();
      e.name = m.name();
      em.persist(e);
    }
    e.role = m.role();
    e.startedAt = m.startedAt();
    e.seenAt = m.seenAt();
    e.heartbeatSeconds = m.heartbeatSeconds();
    e.chunksRunning = m.chunksRunning();
    e.chunksWritten = m.chunksWritten();
    e.rowsWritten = m.rowsWritten();
    e.previousSeenAt = m.previousSeenAt();
    e.previousRowsWritten = m.previousRowsWritten();
  }

  /** At most {@code limit} members, the most recently seen first: one query. */
  public List<ClusterMember> newest(int limit) {
    return em
        .createQuery(
            "SELECT m FROM ClusterMemberEntity m ORDER BY m.seenAt DESC, m.name",
            ClusterMemberEntity.class)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(JpaClusterMembers::member)
        .toList();
  }

  /**
   * The member of this name, if it has a row: read from the database each time, also within one
   * transaction (the row is detached after it is read), so a second look sees another server's
   * change.
   */
  public Optional<ClusterMember> find(String name) {
    ClusterMemberEntity e = em.find(ClusterMemberEntity.class, name);
    if (e == null) {
      return Optional.empty();
    }
    em.detach(e);
    return Optional.of(member(e));
  }

  /** At most {@code limit} members last seen before {@code before}, the longest unseen first. */
  public List<ClusterMember> seenBefore(Instant before, int limit) {
    return em
        .createQuery(
            "SELECT m FROM ClusterMemberEntity m WHERE m.seenAt < :before"
                + " ORDER BY m.seenAt, m.name",
            ClusterMemberEntity.class)
        .setParameter("before", before)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(JpaClusterMembers::member)
        .toList();
  }

  /**
   * Deletes the member's row if its last heartbeat is still {@code seenAt}: false when another
   * server removed it first or the member sent a heartbeat since it was read, so a member that came
   * back is never removed and several servers may remove the same member at once.
   */
  public boolean remove(String name, Instant seenAt) {
    return em.createQuery(
                "DELETE FROM ClusterMemberEntity m WHERE m.name = :name AND m.seenAt = :seen")
            .setParameter("name", name)
            .setParameter("seen", seenAt)
            .executeUpdate()
        > 0;
  }

  private static ClusterMember member(ClusterMemberEntity e) {
    return new ClusterMember(
        e.name,
        e.role,
        e.startedAt,
        e.seenAt,
        e.heartbeatSeconds,
        e.chunksRunning,
        e.chunksWritten,
        e.rowsWritten,
        e.previousSeenAt,
        e.previousRowsWritten);
  }
}
