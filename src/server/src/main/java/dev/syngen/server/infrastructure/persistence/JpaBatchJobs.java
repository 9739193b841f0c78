package dev.syngen.server.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.OptionalLong;

/**
 * Which Jakarta Batch job instance runs a big run, and its partitions' positions. Methods join the
 * caller's transaction (the chunk transaction for {@link #advance}).
 */
@ApplicationScoped
@Transactional
public class JpaBatchJobs {
  @PersistenceContext(unitName = "syngen")
  EntityManager em;

  public void recordExecution(String runId, long instanceId, long executionId) {
    BatchJobEntity e = em.find(BatchJobEntity.class, runId);
    if (e == null) {
      e = new BatchJobEntity();
      e.runId = runId;
      em.persist(e);
    }
    e.instanceId = instanceId;
    e.executionId = executionId;
  }

  /** The latest job execution of a run that executes as a batch job; empty for executor runs. */
  public OptionalLong executionOf(String runId) {
    BatchJobEntity e = em.find(BatchJobEntity.class, runId);
    return e == null ? OptionalLong.empty() : OptionalLong.of(e.executionId);
  }

  public void advance(String runId, String entity, long firstRow, long nextRow, long bytes) {
    String id = runId + "/" + entity + "/" + firstRow;
    BatchPartitionEntity e = em.find(BatchPartitionEntity.class, id);
    if (e == null) {
      e = new BatchPartitionEntity();
      e.id = id;
      e.runId = runId;
      e.entity = entity;
      e.firstRow = firstRow;
      em.persist(e);
    }
    e.nextRow = nextRow;
    e.bytes = bytes;
  }

  public List<BatchPartitionProgress> partitions(String runId) {
    return em
        .createQuery(
            "SELECT p FROM BatchPartitionEntity p WHERE p.runId = :run", BatchPartitionEntity.class)
        .setParameter("run", runId)
        .getResultList()
        .stream()
        .map(p -> new BatchPartitionProgress(p.entity, p.firstRow, p.nextRow, p.bytes))
        .toList();
  }
}
