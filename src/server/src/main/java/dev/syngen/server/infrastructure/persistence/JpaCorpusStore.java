package dev.syngen.server.infrastructure.persistence;

import dev.syngen.core.corpus.CorpusSource;
import dev.syngen.server.application.corpus.CorpusInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Ready corpora in the run-history database, shared by every server that uses it. */
@ApplicationScoped
@Transactional
public class JpaCorpusStore {
  @PersistenceContext(unitName = "syngen")
  EntityManager em;

  public List<CorpusInfo> list() {
    return em
        .createQuery("SELECT c FROM CorpusEntity c ORDER BY c.name", CorpusEntity.class)
        .getResultList()
        .stream()
        .map(JpaCorpusStore::info)
        .toList();
  }

  public Optional<CorpusInfo> find(String name) {
    return Optional.ofNullable(em.find(CorpusEntity.class, name)).map(JpaCorpusStore::info);
  }

  /** The file as uploaded. */
  public Optional<byte[]> content(String name) {
    return em.createQuery("SELECT c.content FROM CorpusEntity c WHERE c.name = :name", byte[].class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  /** Stores a ready corpus, replacing one of the same name. */
  public void save(CorpusInfo info, byte[] content) {
    CorpusEntity e = em.find(CorpusEntity.class, info.name());
    boolean fresh = e == null;
    if (fresh) {
      e = new CorpusEntity();
      e.name = info.name();
    }
    e.status = info.status();
    e.sha256 = info.sha256();
    e.format = info.source().format();
    e.valueColumn = info.source().column();
    e.weightsColumn = info.source().weightsColumn();
    e.allowPersonalData = info.allowPersonalData() ? 1 : 0;
    e.valueCount = info.size();
    e.distinctCount = info.distinct();
    e.byteCount = info.bytes();
    e.fileName = info.fileName();
    e.content = content;
    e.createdAt = info.createdAt().toEpochMilli();
    e.createdBy = info.createdBy();
    if (fresh) {
      em.persist(e);
    }
  }

  public boolean delete(String name) {
    CorpusEntity e = em.find(CorpusEntity.class, name);
    if (e == null) {
      return false;
    }
    em.remove(e);
    return true;
  }

  private static CorpusInfo info(CorpusEntity e) {
    return new CorpusInfo(
        e.name,
        e.status,
        e.sha256,
        new CorpusSource(e.format, e.valueColumn, e.weightsColumn),
        e.allowPersonalData != 0,
        e.valueCount,
        e.distinctCount,
        e.byteCount,
        e.fileName,
        e.createdAt == null ? null : Instant.ofEpochMilli(e.createdAt),
        e.createdBy);
  }
}
