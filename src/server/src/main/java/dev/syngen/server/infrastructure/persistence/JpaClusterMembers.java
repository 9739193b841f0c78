package dev.syngen.server.infrastructure.persistence;

import dev.syngen.server.application.cluster.ClusterMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** The cluster's members in the shared history database: one row per server, its last heartbeat. */
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
        .map(
            e ->
                new ClusterMember(
                    e.name,
                    e.role,
                    e.startedAt,
                    e.seenAt,
                    e.heartbeatSeconds,
                    e.chunksRunning,
                    e.chunksWritten,
                    e.rowsWritten,
                    e.previousSeenAt,
                    e.previousRowsWritten))
        .toList();
  }
}
