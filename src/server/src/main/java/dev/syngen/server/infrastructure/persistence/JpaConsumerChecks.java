package dev.syngen.server.infrastructure.persistence;

import dev.syngen.core.consumer.ConsumerCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** The example consumer's verdicts, one row per (run, entity), replaced by each new verdict. */
@ApplicationScoped
@Transactional
public class JpaConsumerChecks {
  @PersistenceContext(unitName = "syngen")
  EntityManager em;

  public void save(ConsumerCheck c, Instant at) {
    String id = c.runId() + "/" + c.entity();
    ConsumerCheckEntity e = em.find(ConsumerCheckEntity.class, id);
    if (e == null) {
      e = new ConsumerCheckEntity();
      e.id = id;
      e.runId = c.runId();
      e.entity = c.entity();
      em.persist(e);
    }
    e.expected = c.expected();
    e.received = c.received();
    e.duplicates = c.duplicates();
    e.missing = c.missing();
    e.unexpected = c.unexpected();
    e.untracked = c.untracked();
    e.complete = c.complete() ? 1 : 0;
    e.checkedAt = at;
  }

  /** A run's verdicts by entity name. */
  public List<ConsumerCheck> ofRun(String runId) {
    return em
        .createQuery(
            "SELECT c FROM ConsumerCheckEntity c WHERE c.runId = :run ORDER BY c.entity",
            ConsumerCheckEntity.class)
        .setParameter("run", runId)
        .getResultList()
        .stream()
        .map(
            c ->
                new ConsumerCheck(
                    c.runId,
                    c.entity,
                    c.expected,
                    c.received,
                    c.duplicates,
                    c.missing,
                    c.unexpected,
                    c.untracked,
                    c.complete == 1))
        .toList();
  }
}
