package dev.syngen.server.infrastructure.persistence;

import dev.syngen.server.application.fidelity.StoredFidelity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Fidelity reports in the run-history database; a run keeps every report, newest wins. */
@ApplicationScoped
@Transactional
public class JpaFidelityReports {
  @PersistenceContext(unitName = "syngen")
  EntityManager em;

  public StoredFidelity save(StoredFidelity r) {
    FidelityEntity e = new FidelityEntity();
    e.runId = r.runId();
    e.checkedAt = r.checkedAt();
    e.checkedBy = r.checkedBy();
    e.verdict = r.verdict();
    e.tolerance = r.tolerance();
    e.reportJson = r.json();
    e.reportHtml = r.html();
    em.persist(e);
    em.flush();
    return view(e);
  }

  /** The newest report of a run. */
  public Optional<StoredFidelity> latest(String runId) {
    return em
        .createQuery(
            "SELECT f FROM FidelityEntity f WHERE f.runId = :run ORDER BY f.id DESC",
            FidelityEntity.class)
        .setParameter("run", runId)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst()
        .map(JpaFidelityReports::view);
  }

  private static StoredFidelity view(FidelityEntity e) {
    return new StoredFidelity(
        e.id,
        e.runId,
        e.checkedAt,
        e.checkedBy,
        e.verdict,
        e.tolerance,
        e.reportJson,
        e.reportHtml);
  }
}
