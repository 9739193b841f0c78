package dev.syngen.server.infrastructure.persistence;

import dev.syngen.server.application.llm.RunLlmUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** The LLM usage of runs in the run-history database; a restart's usage replaces the last. */
@ApplicationScoped
@Transactional
public class JpaRunLlmUsage {
  private final Jsonb jsonb = JsonbBuilder.create();

  @PersistenceContext(unitName = "syngen")
  EntityManager em;

  public void save(String runId, RunLlmUsage usage) {
    RunLlmEntity e = em.find(RunLlmEntity.class, runId);
    if (e == null) {
      e = new RunLlmEntity();
      e.runId = runId;
      em.persist(e);
    }
    e.mode = usage.mode().name();
    e.usageJson = jsonb.toJson(usage);
  }

  /** The usage of the runs created at or after {@code since}, with their scenario and creation. */
  public java.util.List<dev.syngen.server.application.llm.LlmActivity.RunUsage> since(
      java.time.Instant since) {
    return em
        .createQuery(
            "SELECT l, r.scenarioName, r.createdAt FROM RunLlmEntity l, RunRecordEntity r"
                + " WHERE r.id = l.runId AND r.createdAt >= :since",
            Object[].class)
        .setParameter("since", since)
        .getResultList()
        .stream()
        .map(
            row ->
                new dev.syngen.server.application.llm.LlmActivity.RunUsage(
                    ((RunLlmEntity) row[0]).runId,
                    (String) row[1],
                    (java.time.Instant) row[2],
                    jsonb.fromJson(((RunLlmEntity) row[0]).usageJson, RunLlmUsage.class)))
        .toList();
  }

  public Optional<RunLlmUsage> find(String runId) {
    RunLlmEntity e = em.find(RunLlmEntity.class, runId);
    return e == null
        ? Optional.empty()
        : Optional.of(jsonb.fromJson(e.usageJson, RunLlmUsage.class));
  }
}
