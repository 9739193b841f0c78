package dev.syngen.server.infrastructure.persistence;

import dev.syngen.server.application.batch.PartitionProgress;
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

  /**
   * This server, {@code server}, wrote the partition up to {@code nextRow}, in the caller's (chunk)
   * transaction. A chunk an executor wrote is recorded by that executor ({@link #advanceOn}).
   */
  public void advance(
      String runId, String entity, long firstRow, long nextRow, long bytes, String server) {
    BatchPartitionEntity e = partition(runId, entity, firstRow);
    e.nextRow = nextRow;
    e.bytes = bytes;
    e.server = server;
  }

  /** An executor server wrote the partition up to {@code nextRow}, in a transaction of its own. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void advanceOn(
      String server, String runId, String entity, long firstRow, long nextRow, long bytes) {
    BatchPartitionEntity e = current(runId, entity, firstRow);
    e.nextRow = Math.max(e.nextRow, nextRow);
    e.bytes = Math.max(e.bytes, bytes);
    e.server = server;
    e.error = null;
  }

  /** An executor server failed to write a chunk of the partition; the dispatcher reads why. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void failedOn(String server, String runId, String entity, long firstRow, String error) {
    BatchPartitionEntity e = current(runId, entity, firstRow);
    e.server = server;
    e.error = error;
  }

  /**
   * The partition has its row before the dispatcher sends its first chunk: every server then only
   * updates it. Were the row created by whichever server touched it first, an executor's record of
   * taking the chunk and the dispatcher's record of sending it again could both insert it, and one
   * of them would fail on the duplicate key.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void open(String runId, String entity, long firstRow) {
    partition(runId, entity, firstRow);
  }

  /**
   * An executor server took a chunk of the partition from the queue: a redispatch names it when the
   * chunk is not reported written in time. Nothing depends on this record being there.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void takenBy(String server, String runId, String entity, long firstRow) {
    current(runId, entity, firstRow).takenBy = server;
  }

  /**
   * The dispatcher sent a chunk of the partition again, counted for the run's partitions; after an
   * executor's failure ({@code clearError}) the failure is cleared, so the next attempt's report is
   * read afresh.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void redispatched(String runId, String entity, long firstRow, boolean clearError) {
    BatchPartitionEntity e = current(runId, entity, firstRow);
    e.redispatched++;
    if (clearError) {
      e.error = null;
    }
  }

  /** The partition as committed now: a query, never the transaction's cached entity. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public ChunkPosition position(String runId, String entity, long firstRow) {
    List<Object[]> rows =
        em.createQuery(
                "SELECT p.nextRow, p.bytes, p.server, p.error, p.takenBy FROM BatchPartitionEntity p"
                    + " WHERE p.id = :id",
                Object[].class)
            .setParameter("id", runId + "/" + entity + "/" + firstRow)
            .getResultList();
    if (rows.isEmpty()) {
      return new ChunkPosition(firstRow, 0, null, null, null);
    }
    Object[] r = rows.get(0);
    return new ChunkPosition((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], (String) r[4]);
  }

  /**
   * The partition's row as committed: another server may have changed it since this server's
   * persistence cache last saw it, and a change computed against a stale copy would be lost.
   */
  private BatchPartitionEntity current(String runId, String entity, long firstRow) {
    BatchPartitionEntity found =
        em.find(BatchPartitionEntity.class, runId + "/" + entity + "/" + firstRow);
    if (found == null) {
      return partition(runId, entity, firstRow);
    }
    em.refresh(found);
    return found;
  }

  private BatchPartitionEntity partition(String runId, String entity, long firstRow) {
    String id = runId + "/" + entity + "/" + firstRow;
    BatchPartitionEntity e = em.find(BatchPartitionEntity.class, id);
    if (e == null) {
      e = new BatchPartitionEntity();
      e.id = id;
      e.runId = runId;
      e.entity = entity;
      e.firstRow = firstRow;
      e.nextRow = firstRow;
      em.persist(e);
    }
    return e;
  }

  public List<PartitionProgress> partitions(String runId) {
    return em
        .createQuery(
            "SELECT p FROM BatchPartitionEntity p WHERE p.runId = :run", BatchPartitionEntity.class)
        .setParameter("run", runId)
        .getResultList()
        .stream()
        .map(
            p ->
                new PartitionProgress(
                    p.entity, p.firstRow, p.nextRow, p.bytes, p.server, p.error, p.redispatched))
        .toList();
  }
}
