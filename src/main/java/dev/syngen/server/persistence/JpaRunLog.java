package dev.syngen.server.persistence;

import dev.syngen.core.sink.Redactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Run log lines in the run-history database; messages are redacted before they are stored. */
@ApplicationScoped
@Transactional
public class JpaRunLog {
  private static final int MAX_MESSAGE = 4000;

  @PersistenceContext(unitName = "syngen")
  EntityManager em;

  public void append(String runId, String level, String entity, String message, String traceId) {
    RunLogEntity e = new RunLogEntity();
    e.runId = runId;
    e.level = level;
    e.time = Instant.now();
    e.entity = entity;
    String text = Redactor.text(message);
    e.message = text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE - 1) + "…" : text;
    e.traceId = traceId;
    em.persist(e);
  }

  /** The newest {@code limit} lines of a run, newest first. */
  public List<RunLogEntry> newest(String runId, int limit) {
    return em
        .createQuery(
            "SELECT l FROM RunLogEntity l WHERE l.runId = :run ORDER BY l.id DESC",
            RunLogEntity.class)
        .setParameter("run", runId)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(l -> new RunLogEntry(l.time, l.level, l.entity, l.message, l.traceId))
        .toList();
  }
}
