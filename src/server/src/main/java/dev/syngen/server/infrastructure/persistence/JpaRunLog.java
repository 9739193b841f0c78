package dev.syngen.server.infrastructure.persistence;

import dev.syngen.core.engine.RunRecord;
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
 * Run log lines in the run-history database, each also written to the server log with the fields of
 * the log schema (docs/logging.md): run id, entity, trace id and what the caller adds (scenario,
 * target kind, rows, latency). Messages are redacted before they are stored or logged.
 */
@ApplicationScoped
@Transactional
public class JpaRunLog {
  private static final int MAX_MESSAGE = 4000;
  private static final Logger LOG = Logger.getLogger("dev.syngen.run");

  @PersistenceContext(unitName = "syngen")
  EntityManager em;

  public void append(String runId, String level, String entity, String message, String traceId) {
    append(runId, level, entity, message, traceId, Map.of());
  }

  /** As the five-argument form, with more fields of the log schema for the server log. */
  public void append(
      String runId,
      String level,
      String entity,
      String message,
      String traceId,
      Map<String, String> extra) {
    RunLogEntity e = new RunLogEntity();
    e.runId = runId;
    e.level = level;
    e.time = Instant.now();
    e.entity = entity;
    String text = Redactor.text(message);
    e.message = text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE - 1) + "…" : text;
    e.traceId = traceId;
    em.persist(e);
    Map<String, String> fields = new LinkedHashMap<>(extra);
    fields.put(LogFields.RUN_ID, runId);
    fields.put(LogFields.ENTITY, entity);
    fields.put(LogFields.TRACE_ID, traceId);
    LogFields.log(
        LOG,
        julLevel(level),
        () -> "run " + runId + (entity == null ? "" : " " + entity) + ": " + e.message,
        fields);
  }

  /** The workload fields of a run's lines: its scenario and target kind. */
  public static Map<String, String> workload(RunRecord run) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(LogFields.SCENARIO_ID, run.scenarioId());
    m.put(LogFields.TARGET_KIND, run.targetKind());
    return m;
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
