package dev.syngen.server.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Asks the run-history database a real (tiny) question through JPA and the server's datasource. */
@ApplicationScoped
public class HistoryDatabaseProbe {
  private static final String TIMEOUT_HINT = "jakarta.persistence.query.timeout";

  @PersistenceContext(unitName = "syngen")
  EntityManager em;

  /** Reads at most one run id; throws when the database cannot answer within {@code timeoutMs}. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public void query(int timeoutMs) {
    em.createQuery("SELECT r.id FROM RunRecordEntity r", String.class)
        .setHint(TIMEOUT_HINT, timeoutMs)
        .setMaxResults(1)
        .getResultList();
  }
}
