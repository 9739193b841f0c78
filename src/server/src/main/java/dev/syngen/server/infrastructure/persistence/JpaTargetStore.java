package dev.syngen.server.infrastructure.persistence;

import dev.syngen.server.application.target.StoredTarget;
import dev.syngen.server.application.target.TargetSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Target profiles in the run-history database, as their authors wrote them. */
@ApplicationScoped
@Transactional
public class JpaTargetStore {
  @PersistenceContext(unitName = "syngen")
  EntityManager em;

  private final JsonColumns json = new JsonColumns();

  public Optional<StoredTarget> find(String id) {
    return Optional.ofNullable(em.find(TargetEntity.class, id)).map(this::stored);
  }

  public List<StoredTarget> list() {
    return em
        .createQuery("SELECT t FROM TargetEntity t ORDER BY t.id", TargetEntity.class)
        .getResultList()
        .stream()
        .map(this::stored)
        .toList();
  }

  /** Adds a target; false (and nothing changed) if the id is taken. */
  public boolean create(TargetSpec spec, String source) {
    if (em.find(TargetEntity.class, spec.id()) != null) {
      return false;
    }
    TargetEntity e = new TargetEntity();
    e.id = spec.id();
    e.source = source;
    e.createdAt = Instant.now();
    copy(spec, e);
    em.persist(e);
    return true;
  }

  /** Replaces a target's definition; false if there is none with that id. */
  public boolean update(TargetSpec spec) {
    TargetEntity e = em.find(TargetEntity.class, spec.id());
    if (e == null) {
      return false;
    }
    copy(spec, e);
    return true;
  }

  public boolean delete(String id) {
    TargetEntity e = em.find(TargetEntity.class, id);
    if (e == null) {
      return false;
    }
    em.remove(e);
    return true;
  }

  private void copy(TargetSpec spec, TargetEntity e) {
    e.name = spec.name();
    e.kind = spec.kind();
    e.dsn = spec.dsn();
    e.schema = spec.schema();
    e.optionsJson = spec.options().isEmpty() ? null : json.write(spec.options());
    e.updatedAt = Instant.now();
  }

  private StoredTarget stored(TargetEntity e) {
    TargetSpec spec =
        new TargetSpec(e.id, e.name, e.kind, e.dsn, e.schema, json.readStrings(e.optionsJson));
    return new StoredTarget(spec, e.source, e.createdAt, e.updatedAt);
  }
}
