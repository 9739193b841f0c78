package dev.syngen.server.infrastructure.persistence;

import dev.syngen.core.llm.ChatAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The llm_text answers in the run-history database (SYNGEN_LLM_CACHE). Each call is a transaction
 * of its own, so a run's generator threads never hold one open while a provider answers; {@link
 * dev.syngen.server.infrastructure.llm.HistoryLlmCache} puts a first-writer-wins cache on top.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JpaLlmAnswers {
  @PersistenceContext(unitName = "syngen")
  EntityManager em;

  public Optional<ChatAnswer> find(String key) {
    return Optional.ofNullable(em.find(LlmAnswerEntity.class, key)).map(JpaLlmAnswers::answer);
  }

  /**
   * Stores {@code answer} under {@code key}; throws (and rolls back) when another server or thread
   * stored one first, which the caller then reads.
   */
  public void insert(String key, ChatAnswer answer, long nowMillis) {
    LlmAnswerEntity e = new LlmAnswerEntity();
    e.key = key;
    e.text = answer.text();
    e.model = answer.model();
    e.inputTokens = answer.inputTokens();
    e.outputTokens = answer.outputTokens();
    e.createdAt = nowMillis;
    em.persist(e);
    em.flush();
  }

  /** Keys in order, {@code limit} after {@code after} (exclusive; "" for the first page). */
  public List<String> keys(String after, int limit) {
    return em.createQuery(
            "SELECT a.key FROM LlmAnswerEntity a WHERE a.key > :after ORDER BY a.key", String.class)
        .setParameter("after", after)
        .setMaxResults(limit)
        .getResultList();
  }

  public long count() {
    return em.createQuery("SELECT COUNT(a) FROM LlmAnswerEntity a", Long.class).getSingleResult();
  }

  private static ChatAnswer answer(LlmAnswerEntity e) {
    return new ChatAnswer(e.text, e.model == null ? "" : e.model, e.inputTokens, e.outputTokens);
  }
}
