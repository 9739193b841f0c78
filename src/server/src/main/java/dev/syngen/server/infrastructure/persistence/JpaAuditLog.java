package dev.syngen.server.infrastructure.persistence;

import dev.syngen.core.sink.Redactor;
import dev.syngen.server.application.audit.AuditEntry;
import dev.syngen.server.infrastructure.logging.LogFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The append-only audit log: entries are added and read, never changed or removed. Each entry is
 * also a server log line (logger {@code dev.syngen.audit}) with the fields of the log schema: user,
 * action, trace id, and the run id when the entry is about a run.
 */
@ApplicationScoped
@Transactional
public class JpaAuditLog {
  private static final int MAX_DETAILS = 4000;
  private static final Logger LOG = Logger.getLogger("dev.syngen.audit");

  @PersistenceContext(unitName = "syngen")
  EntityManager em;

  public void append(AuditEntry entry) {
    AuditEntity e = new AuditEntity();
    e.time = entry.time();
    e.actor = entry.actor();
    e.action = entry.action();
    e.subject = entry.subject();
    String details = Redactor.text(entry.details());
    e.details =
        details != null && details.length() > MAX_DETAILS
            ? details.substring(0, MAX_DETAILS - 1) + "…"
            : details;
    e.traceId = entry.traceId();
    em.persist(e);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(LogFields.USER, e.actor);
    fields.put(LogFields.ACTION, e.action);
    fields.put(LogFields.TRACE_ID, e.traceId);
    if (e.subject != null && e.subject.startsWith("run:")) {
      fields.put(LogFields.RUN_ID, e.subject.substring("run:".length()));
    }
    LogFields.log(
        LOG,
        Level.INFO,
        () ->
            "audit "
                + e.actor
                + " "
                + e.action
                + (e.subject == null ? "" : " " + e.subject)
                + (e.details == null ? "" : ": " + e.details),
        fields);
  }

  /** The newest entries first, optionally only those about {@code subject}. */
  public List<AuditEntry> newest(int limit, String subject) {
    var q =
        subject == null
            ? em.createQuery("SELECT a FROM AuditEntity a ORDER BY a.id DESC", AuditEntity.class)
            : em.createQuery(
                    "SELECT a FROM AuditEntity a WHERE a.subject = :subject ORDER BY a.id DESC",
                    AuditEntity.class)
                .setParameter("subject", subject);
    return q.setMaxResults(limit).getResultList().stream()
        .map(a -> new AuditEntry(a.time, a.actor, a.action, a.subject, a.details, a.traceId))
        .toList();
  }

  /**
   * One page of entries, newest first, keeping those whose actor, action and subject contain the
   * given texts (blank: any).
   */
  public List<AuditEntry> search(
      String actor, String action, String subject, int offset, int limit) {
    return em
        .createQuery(
            "SELECT a FROM AuditEntity a WHERE LOWER(a.actor) LIKE :actor"
                + " AND LOWER(a.action) LIKE :action AND LOWER(a.subject) LIKE :subject"
                + " ORDER BY a.id DESC",
            AuditEntity.class)
        .setParameter("actor", like(actor))
        .setParameter("action", like(action))
        .setParameter("subject", like(subject))
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(a -> new AuditEntry(a.time, a.actor, a.action, a.subject, a.details, a.traceId))
        .toList();
  }

  private static String like(String text) {
    if (text == null || text.isBlank()) {
      return "%";
    }
    String escaped =
        text.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "");
    return "%" + escaped + "%";
  }
}
