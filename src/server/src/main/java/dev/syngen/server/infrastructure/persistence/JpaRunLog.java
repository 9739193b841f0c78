package dev.syngen.server.infrastructure.persistence;

import dev.syngen.core.sink.Redactor;
import dev.syngen.server.application.run.RunLogEntry;
import dev.syngen.server.infrastructure.logging.LogFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Run log lines in the run-history database, each also written to the server log with its run id,
 * entity and trace id as fields (JSON logs show them as ext_runId, ext_entity, ext_traceId).
 * Messages are redacted before they are stored or logged.
 */
@ApplicationScoped
@Transactional
public class JpaRunLog {
  private static final int MAX_MESSAGE = 4000;
  private static final Logger LOG = Logger.getLogger("dev.syngen.run");

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
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("runId", runId);
    fields.put("entity", entity);
    fields.put("traceId", traceId);
    LogFields.log(
        LOG,
        julLevel(level),
        () -> "run " + runId + (entity == null ? "" : " " + entity) + ": " + e.message,
        fields);
  }

  private static Level julLevel(String level) {
    return switch (level) {
      case "ERROR" -> Level.SEVERE;
      case "WARN" -> Level.WARNING;
      default -> Level.INFO;
    };
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
